/* cwa-ui-names.h: labels that show host names: whole names, no inserted hyphen, titles that wrap. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Text attributes for @text (UTF-8) under which a line never breaks inside
 * a label of a dotted name ("isa01.perimeter.contoso.com" breaks only after
 * its dots) and no hyphen is ever inserted at a break (Pango inserts one
 * by default where it breaks a word: "contoso.c-om").  Indices are byte
 * offsets into @text.  Returns a new list; free with pango_attr_list_unref(). */
PangoAttrList *cwa_ui_names_dup_attributes (const gchar *text);

/* Applies cwa_ui_names_dup_attributes() to the current text of @label,
 * replacing the label's own attributes.  Call it again after the text
 * changes. */
void           cwa_ui_names_apply         (GtkLabel    *label);

/* Applies cwa_ui_names_apply() to every label at or below @widget: the
 * title and subtitle labels of libadwaita rows, which are not exposed. */
void           cwa_ui_names_apply_below   (GtkWidget   *widget);

/* Lets the title of @group wrap instead of ending in "…" (libadwaita 1.2
 * ellipsizes it), with names kept whole; the title must be set first. */
void           cwa_ui_names_wrap_group_title (AdwPreferencesGroup *group);

G_END_DECLS
