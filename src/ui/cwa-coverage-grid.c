/* cwa-coverage-grid.c: the checklist panel's coverage matrix: required names down, assigned certificates across. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cwa-coverage-grid.h"
#include "cwa-ui-names.h"

struct _CwaCoverageGrid
{
  GtkGrid       parent_instance;

  CwaChecklist *checklist;
  GSignalGroup *checklist_signals;
  gboolean      empty;

  /* The grid's rows and columns (dup_coverage_shape()) and its cells'
   * images, row by row. */
  GStrv         shape;
  GPtrArray    *images;
};

enum {
  PROP_0,
  PROP_CHECKLIST,
  PROP_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CwaCoverageGrid, cwa_coverage_grid, GTK_TYPE_GRID)

static void
set_empty (CwaCoverageGrid *self,
           gboolean         empty)
{
  if (self->empty == empty)
    return;
  self->empty = empty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

static void
set_coverage_status (GtkWidget         *image,
                     CwaCoverageStatus  status)
{
  static const gchar * const classes[] = { "success", "warning", "error" };
  const gchar *css_class;
  const gchar *icon;
  const gchar *label;

  switch (status)
    {
    case CWA_COVERAGE_COVERED:
      css_class = "success";
      icon = "emblem-ok-symbolic";
      label = _("Covered");
      break;
    case CWA_COVERAGE_WILDCARD_ONLY:
      css_class = "warning";
      icon = "dialog-warning-symbolic";
      label = _("Wildcard only");
      break;
    case CWA_COVERAGE_MISSING:
    default:
      css_class = "error";
      icon = "window-close-symbolic";
      label = _("Missing");
      break;
    }
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (image, classes[i]);
  gtk_widget_add_css_class (image, css_class);
  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
  gtk_widget_set_tooltip_text (image, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (image), "cwa-status", GUINT_TO_POINTER (status));
}

/* The matrix's columns: the certificates of its first row's cells (every
 * row has one cell per assigned certificate, cwa-coverage.h). */
static guint
coverage_n_columns (GPtrArray *cells)
{
  CwaCoverageCell *first = g_ptr_array_index (cells, 0);
  guint n = 0;

  while (n < cells->len)
    {
      CwaCoverageCell *cell = g_ptr_array_index (cells, n);

      if (cell->requirement != first->requirement || cell->name != first->name)
        break;
      n++;
    }
  return n;
}

/* "requirement|name" of each row, then "#certificate" of each column:
 * what the grid's labels and layout depend on. */
static GStrv
dup_coverage_shape (GPtrArray *cells,
                    guint      n_columns)
{
  g_autoptr(GStrvBuilder) shape = g_strv_builder_new ();

  for (guint i = 0; i < cells->len; i += n_columns)
    {
      CwaCoverageCell *cell = g_ptr_array_index (cells, i);

      g_autofree gchar *key = g_strdup_printf ("%p|%s", (gpointer) cell->requirement, cell->name);

      g_strv_builder_add (shape, key);
    }
  for (guint c = 0; c < n_columns; c++)
    {
      CwaCoverageCell *cell = g_ptr_array_index (cells, c);

      g_autofree gchar *key = g_strdup_printf ("#%p|%s", (gpointer) cell->certificate,
                                               cwa_certificate_get_display_name (cell->certificate));

      g_strv_builder_add (shape, key);
    }
  return g_strv_builder_end (shape);
}

static void
add_coverage_header (CwaCoverageGrid   *self,
                     CwaCertificate    *certificate,
                     guint              column)
{
  GtkWidget *header = gtk_label_new (cwa_certificate_get_display_name (certificate));

  /* The whole name, wrapped after its dots: the grid scrolls sideways
   * rather than cut a header down to "…". */
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (header), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (header), 16);
  gtk_label_set_justify (GTK_LABEL (header), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (header, GTK_ALIGN_END);
  cwa_ui_names_apply (GTK_LABEL (header));
  gtk_widget_set_tooltip_text (header, cwa_certificate_get_subject (certificate));
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_grid_attach (GTK_GRID (self), header, (gint) column + 1, 0, 1, 1);
}

static void
add_coverage_name (CwaCoverageGrid   *self,
                   const gchar       *text,
                   guint              row)
{
  GtkWidget *name = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_selectable (GTK_LABEL (name), TRUE);
  cwa_ui_names_apply (GTK_LABEL (name));
  gtk_grid_attach (GTK_GRID (self), name, 0, (gint) row, 1, 1);
}

static void
clear_coverage (CwaCoverageGrid *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->images, 0);
  g_clear_pointer (&self->shape, g_strfreev);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_grid_remove (GTK_GRID (self), child);
}

static void
build_coverage (CwaCoverageGrid   *self,
                GPtrArray         *cells,
                guint              n_columns)
{
  clear_coverage (self);
  for (guint c = 0; c < n_columns; c++)
    add_coverage_header (self, ((CwaCoverageCell *) g_ptr_array_index (cells, c))->certificate, c);
  for (guint i = 0; i < cells->len; i++)
    {
      CwaCoverageCell *cell = g_ptr_array_index (cells, i);
      guint row = i / n_columns + 1;
      GtkWidget *image = gtk_image_new ();

      if (i % n_columns == 0)
        add_coverage_name (self, cell->name, row);
      set_coverage_status (image, cell->status);
      g_ptr_array_add (self->images, image);
      gtk_grid_attach (GTK_GRID (self), image, (gint) (i % n_columns) + 1, (gint) row, 1, 1);
    }
}

/* One row per (role entry, name), in the order the cells come.  While the
 * rows and columns stay those shown, only the cells whose status changed
 * change; a new shape builds the grid again. */
static void
update_coverage (CwaCoverageGrid *self)
{
  GPtrArray *cells = self->checklist != NULL ? cwa_checklist_get_coverage (self->checklist) : NULL;
  g_auto(GStrv) shape = NULL;
  guint n_columns;

  set_empty (self, cells == NULL || cells->len == 0);
  if (cells == NULL || cells->len == 0)
    {
      clear_coverage (self);
      return;
    }

  n_columns = coverage_n_columns (cells);
  shape = dup_coverage_shape (cells, n_columns);
  if (self->shape == NULL || !g_strv_equal ((const gchar * const *) shape,
                                            (const gchar * const *) self->shape))
    {
      build_coverage (self, cells, n_columns);
      self->shape = g_steal_pointer (&shape);
      return;
    }

  for (guint i = 0; i < cells->len; i++)
    {
      CwaCoverageCell *cell = g_ptr_array_index (cells, i);
      GtkWidget *image = g_ptr_array_index (self->images, i);

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (image), "cwa-status")) != cell->status)
        set_coverage_status (image, cell->status);
    }
}

CwaChecklist *
cwa_coverage_grid_get_checklist (CwaCoverageGrid *self)
{
  g_return_val_if_fail (CWA_IS_COVERAGE_GRID (self), NULL);
  return self->checklist;
}

void
cwa_coverage_grid_set_checklist (CwaCoverageGrid *self,
                                 CwaChecklist    *checklist)
{
  g_return_if_fail (CWA_IS_COVERAGE_GRID (self));
  g_return_if_fail (checklist == NULL || CWA_IS_CHECKLIST (checklist));

  if (self->checklist == checklist)
    return;

  g_set_object (&self->checklist, checklist);
  g_signal_group_set_target (self->checklist_signals, checklist);
  update_coverage (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
}

gboolean
cwa_coverage_grid_get_empty (CwaCoverageGrid *self)
{
  g_return_val_if_fail (CWA_IS_COVERAGE_GRID (self), TRUE);
  return self->empty;
}

static void
cwa_coverage_grid_dispose (GObject *object)
{
  CwaCoverageGrid *self = CWA_COVERAGE_GRID (object);

  g_clear_object (&self->checklist_signals);
  g_clear_object (&self->checklist);
  g_clear_pointer (&self->images, g_ptr_array_unref);
  g_clear_pointer (&self->shape, g_strfreev);

  G_OBJECT_CLASS (cwa_coverage_grid_parent_class)->dispose (object);
}

static void
cwa_coverage_grid_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CwaCoverageGrid *self = CWA_COVERAGE_GRID (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;
    case PROP_EMPTY:
      g_value_set_boolean (value, self->empty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_coverage_grid_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CwaCoverageGrid *self = CWA_COVERAGE_GRID (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      cwa_coverage_grid_set_checklist (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwa_coverage_grid_class_init (CwaCoverageGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwa_coverage_grid_dispose;
  object_class->get_property = cwa_coverage_grid_get_property;
  object_class->set_property = cwa_coverage_grid_set_property;

  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, CWA_TYPE_CHECKLIST,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwa_coverage_grid_init (CwaCoverageGrid *self)
{
  self->empty = TRUE;
  self->images = g_ptr_array_new ();
  self->checklist_signals = g_signal_group_new (CWA_TYPE_CHECKLIST);
  g_signal_group_connect_object (self->checklist_signals, "updated",
                                 G_CALLBACK (update_coverage), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cwa_coverage_grid_new (void)
{
  return g_object_new (CWA_TYPE_COVERAGE_GRID, NULL);
}
