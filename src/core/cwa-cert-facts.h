/* cwa-cert-facts.h: the one ordered list of what a certificate shows, read by the inspector, `inspect` and every report. */
#pragma once

#include "cwa-certificate.h"
#include "cwa-json-writer.h"

G_BEGIN_DECLS

/* What kind of value a fact holds, and so which getter answers it. */
typedef enum
{
  CWA_CERT_FACT_TEXT,    /* a string (cwa_cert_fact_get_text) */
  CWA_CERT_FACT_LIST,    /* strings (cwa_cert_fact_get_list) */
  CWA_CERT_FACT_TIME,    /* Unix seconds, UTC (cwa_cert_fact_get_number) */
  CWA_CERT_FACT_NUMBER,  /* an integer (cwa_cert_fact_get_number) */
  CWA_CERT_FACT_BOOLEAN, /* 0 or 1 (cwa_cert_fact_get_number) */
} CwaCertFactKind;

typedef enum
{
  CWA_CERT_FACT_NONE = 0,
  /* The certificate tables of the reports show it. */
  CWA_CERT_FACT_IN_TABLE = 1 << 0,
  /* Literal text (names, hex, OIDs) that reports set in a fixed-width font. */
  CWA_CERT_FACT_LITERAL = 1 << 1,
  /* Only where it applies: a boolean written only when true. */
  CWA_CERT_FACT_OPTIONAL = 1 << 2,
  /* For programs only (JSON): people read it in the note of another fact. */
  CWA_CERT_FACT_JSON_ONLY = 1 << 3,
} CwaCertFactFlags;

/* One fact of a certificate (gcr's certificate field).  Adding a row to the
 * table in cwa-cert-facts.c adds it to the inspector, `inspect` (text and
 * JSON) and the JSON report at once, and with CWA_CERT_FACT_IN_TABLE to the
 * other reports. */
typedef struct
{
  const gchar     *id;          /* stable name, e.g. "not-before" */
  const gchar     *section;     /* id of the CwaCertSection it is shown in */
  const gchar     *json_object; /* NULL, or the member object it sits in ("key") */
  const gchar     *json_key;    /* its member in cli.md's certificates[] objects */
  const gchar     *label;       /* English, marked N_() for the window */
  CwaCertFactKind  kind;
  CwaCertFactFlags flags;
  /* For a fact that is an extension: whether the certificate has it at all
   * (an absent EKU means any purpose, not none).  NULL: always present. */
  gboolean (*present) (CwaCertificate *certificate);
  /* A remark people should read with the value (NULL for none), e.g. that a
   * serial is negative. */
  const gchar *(*note) (CwaCertificate *certificate);
  union
  {
    const gchar *(*text) (CwaCertificate *certificate);
    const gchar * const *(*list) (CwaCertificate *certificate);
    gint64 (*number) (CwaCertificate *certificate);
  } get;
} CwaCertFact;

/* A group of facts shown as one row of the inspector, in the inspector's
 * order (gcr's certificate section). */
typedef struct
{
  const gchar *id;    /* "validity", "public-key"... the row's id */
  const gchar *label; /* English, marked N_() */
} CwaCertSection;

/* Every fact, in the order of cli.md's certificates[] members; @n_facts
 * receives the count.  Static, never freed. */
const CwaCertFact *cwa_cert_facts_get (guint *n_facts);
/* Every section in inspector order; static. */
const CwaCertSection *cwa_cert_sections_get (guint *n_sections);
/* The fact with @id, or NULL. */
const CwaCertFact *cwa_cert_facts_lookup (const gchar *id);

/* The value of @fact for @certificate; each only for its kinds (see
 * CwaCertFactKind).  Borrowed from @certificate. */
const gchar         *cwa_cert_fact_get_text (const CwaCertFact *fact,
                                             CwaCertificate    *certificate);
const gchar * const *cwa_cert_fact_get_list (const CwaCertFact *fact,
                                             CwaCertificate    *certificate);
gint64               cwa_cert_fact_get_number (const CwaCertFact *fact,
                                               CwaCertificate    *certificate);
/* Whether a person sees @fact for @certificate: not CWA_CERT_FACT_JSON_ONLY,
 * and an optional fact only when it is set. */
gboolean cwa_cert_fact_is_shown (const CwaCertFact *fact,
                                 CwaCertificate    *certificate);
/* The value as English text for people (owned), followed by its note in
 * parentheses: "(no extension)" for an absent extension, a list joined with ", " ("(none)" when empty), a time as YYYY-MM-DDTHH:MM:SSZ, a boolean as
 * "yes" or "no". */
gchar *cwa_cert_fact_dup_display (const CwaCertFact *fact,
                                  CwaCertificate    *certificate);

/* Writes every fact as members of the object @writer has open, keys and
 * nesting as cli.md shows certificates[] ("subject" ... "is_ca"). */
void cwa_cert_facts_write_json (CwaJsonWriter  *writer,
                                CwaCertificate *certificate);

/* @unix_utc as YYYY-MM-DDTHH:MM:SSZ (owned); "@seconds" when out of
 * GDateTime's range. */
gchar *cwa_cert_facts_format_time (gint64 unix_utc);

G_END_DECLS
