/* cwa-json-writer.h: the one place JSON text is written (plans, reports, `inspect`, `rules`). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Writes one JSON document into memory, in the layout cli.md and
 * plan-format.md show: `"key": value`, two spaces of indent per level, one
 * member or element per line, `{}` and `[]` for empty containers.  Calls
 * mirror JsonBuilder's: begin/end an object or array, name a member, add a
 * value.  Values stream straight into the text, so a document of tens of
 * thousands of certificates never exists as a tree.
 *
 * Not a GObject: it lives for one document on one thread. */
typedef struct _CwaJsonWriter CwaJsonWriter;

CwaJsonWriter *cwa_json_writer_new (void);
void           cwa_json_writer_free (CwaJsonWriter *writer);

void cwa_json_writer_begin_object (CwaJsonWriter *writer);
void cwa_json_writer_end_object (CwaJsonWriter *writer);
void cwa_json_writer_begin_array (CwaJsonWriter *writer);
void cwa_json_writer_end_array (CwaJsonWriter *writer);
/* Names the member the next value (or container) is written to; only
 * inside an object.  @name is copied into the text at once. */
void cwa_json_writer_set_member_name (CwaJsonWriter *writer,
                                      const gchar   *name);

/* @value NULL writes null.  Invalid UTF-8 is repaired with U+FFFD. */
void cwa_json_writer_add_string (CwaJsonWriter *writer,
                                 const gchar   *value);
void cwa_json_writer_add_int (CwaJsonWriter *writer,
                              gint64         value);
/* The shortest text that reads back as the same double, always with a
 * fraction or exponent ("2.0"), so a round trip keeps the type. */
void cwa_json_writer_add_double (CwaJsonWriter *writer,
                                 gdouble        value);
void cwa_json_writer_add_boolean (CwaJsonWriter *writer,
                                  gboolean       value);
void cwa_json_writer_add_null (CwaJsonWriter *writer);
/* An array of strings; @values NULL writes []. */
void cwa_json_writer_add_strv (CwaJsonWriter       *writer,
                               const gchar * const *values);
/* @node and everything under it (members in their insertion order), e.g.
 * members kept from a file as read. */
void cwa_json_writer_add_node (CwaJsonWriter *writer,
                               JsonNode      *node);

/* set_member_name() followed by the add_ call of the same type. */
void cwa_json_writer_add_string_member (CwaJsonWriter *writer,
                                        const gchar   *name,
                                        const gchar   *value);
void cwa_json_writer_add_int_member (CwaJsonWriter *writer,
                                     const gchar   *name,
                                     gint64         value);
void cwa_json_writer_add_boolean_member (CwaJsonWriter *writer,
                                         const gchar   *name,
                                         gboolean       value);
void cwa_json_writer_add_strv_member (CwaJsonWriter       *writer,
                                      const gchar         *name,
                                      const gchar * const *values);

/* Ends the document with a newline and returns its text (owned); @writer
 * is freed.  Every container begun must have been ended. */
gchar *cwa_json_writer_free_to_text (CwaJsonWriter *writer);
/* The same as bytes (owned). */
GBytes *cwa_json_writer_free_to_bytes (CwaJsonWriter *writer);

/* @text as one JSON string literal in quotes (owned): how messages quote an
 * id or value they found. */
gchar *cwa_json_quote (const gchar *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaJsonWriter, cwa_json_writer_free)

G_END_DECLS
