/* cwa-ui-names.c: labels that show host names: whole names, no inserted hyphen, titles that wrap. */
#include "config.h"

#include <string.h>

#include "cwa-ui-names.h"

/* Pango has no "break only at dots" wrap mode: each label of a dotted name
 * ("perimeter.") is a run in which breaks are not allowed, so that the
 * only places left to break a long name are after its dots. */
static void
keep_labels_whole (PangoAttrList *attrs,
                   const gchar   *token,
                   gsize          length,
                   guint          offset)
{
  gsize start = 0;

  if (memchr (token, '.', length) == NULL)
    return;

  for (gsize i = 0; i < length; i++)
    {
      if (token[i] != '.' && i + 1 < length)
        continue;

      if (i + 1 - start > 1)
        {
          PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

          attr->start_index = offset + (guint) start;
          attr->end_index = offset + (guint) (i + 1);
          pango_attr_list_insert (attrs, attr);
        }
      start = i + 1;
    }
}

PangoAttrList *
cwa_ui_names_dup_attributes (const gchar *text)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  const gchar *p = text != NULL ? text : "";

  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  while (*p != '\0')
    {
      gsize length = strcspn (p, " \t\n");

      keep_labels_whole (attrs, p, length, (guint) (p - text));
      p += length;
      p += strspn (p, " \t\n");
    }
  return attrs;
}

void
cwa_ui_names_apply (GtkLabel *label)
{
  g_autoptr(PangoAttrList) attrs = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  attrs = cwa_ui_names_dup_attributes (gtk_label_get_text (label));
  gtk_label_set_attributes (label, attrs);
}

void
cwa_ui_names_apply_below (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    cwa_ui_names_apply (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cwa_ui_names_apply_below (child);
}

/* The group's title label: the one with the "heading" style in its header
 * (adw-preferences-group.ui); NULL if a later libadwaita has none. */
static GtkLabel *
find_title_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "heading"))
        return GTK_LABEL (child);
      if (GTK_IS_LIST_BOX (child))
        continue;
      found = find_title_label (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
cwa_ui_names_wrap_group_title (AdwPreferencesGroup *group)
{
  GtkLabel *title;

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  title = find_title_label (GTK_WIDGET (group));
  if (title == NULL)
    return;
  gtk_label_set_ellipsize (title, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (title, TRUE);
  gtk_label_set_wrap_mode (title, PANGO_WRAP_WORD_CHAR);
  cwa_ui_names_apply (title);
}
