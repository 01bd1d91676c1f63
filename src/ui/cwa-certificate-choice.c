/* cwa-certificate-choice.c: a drop-down choosing the certificate of one role (MTLS, SSL, listener...) or none. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwa-certificate-choice.h"
#include "cwa-names.h"
#include "cwa-ui-util.h"

/* Hex digits and colons of the fingerprint shown: three bytes, "3F:0A:9C". */
#define FINGERPRINT_PREFIX_LENGTH 8

/* What one drop-down remembers, kept as its data. */
typedef struct
{
  /* Owned by the drop-down's model; NULL before the first bind. */
  GtkCustomFilter *filter;
  /* The certificate the model has assigned: offered even when a CA. */
  CwaCertificate  *assigned;
  CwaChecklist    *checklist;
  /* The row boxes bound now, to update their status icons. */
  GHashTable      *rows;
  /* Builds the rows described below; the drop-down's button always uses
   * it, its popover only while shown. */
  GtkListItemFactory *rows_factory;
} ChoiceState;

#define STATE_KEY "cwa-certificate-choice"

static void
choice_state_free (ChoiceState *state)
{
  g_clear_object (&state->assigned);
  g_clear_object (&state->checklist);
  g_hash_table_unref (state->rows);
  g_clear_object (&state->rows_factory);
  g_free (state);
}

static ChoiceState *
get_state (GtkDropDown *dropdown)
{
  return g_object_get_data (G_OBJECT (dropdown), STATE_KEY);
}

gchar *
cwa_certificate_choice_dup_detail (CwaCertificate *certificate,
                                   gint64          now)
{
  g_autoptr(GDateTime) not_after = g_date_time_new_from_unix_utc (cwa_certificate_get_not_after (certificate));
  g_autofree gchar *date = not_after != NULL ? g_date_time_format (not_after, "%Y-%m-%d") : g_strdup ("?");
  g_autofree gchar *expiry = NULL;
  g_autofree gchar *fingerprint = g_strndup (cwa_certificate_get_sha256 (certificate), FINGERPRINT_PREFIX_LENGTH);
  const gchar *issuer = cwa_certificate_get_issuer_cn (certificate);

  if (cwa_certificate_is_self_issued (certificate))
    /* Translators: the issuer part of a certificate drop-down row */
    issuer = _("self-signed");
  else if (issuer == NULL || *issuer == '\0')
    issuer = cwa_certificate_get_issuer (certificate);

  if (cwa_certificate_get_not_after (certificate) < now)
    /* Translators: %s is a date, 2027-01-01 */
    expiry = g_strdup_printf (_("expired %s"), date);
  else
    /* Translators: %s is a date, 2027-01-01 */
    expiry = g_strdup_printf (_("expires %s"), date);

  /* Translators: a certificate drop-down row's second line: issuer,
   * "expires 2027-01-01", the start of the SHA-256 fingerprint */
  return g_strdup_printf (_("%s · %s · SHA-256 %s…"), issuer, expiry, fingerprint);
}

/* Whether @certificate names a host: a dNSName, or a subject CN that is
 * a dotted host name ("im.contoso.com", not "Contoso Root CA"). */
static gboolean
names_a_host (CwaCertificate *certificate)
{
  const gchar *cn = cwa_certificate_get_subject_cn (certificate);

  return cwa_certificate_get_dns_names (certificate)[0] != NULL ||
         (cn != NULL && strchr (cn, '.') != NULL && cwa_name_is_valid_host (cn));
}

static gboolean
offered (gpointer item,
         gpointer user_data)
{
  ChoiceState *state = user_data;

  /* A CA certificate fills no role, unless it names a host: `openssl req
   * -x509` marks the self-signed server certificates it makes as CAs, and
   * the rules take them as any other (the command line assigns them too).
   * The one assigned still shows, so the form never claims "None" for
   * what the plan says. */
  return !cwa_certificate_is_ca (item) || names_a_host (item) || item == (gpointer) state->assigned;
}

/* Rows: a status icon, the name, and below it what tells it apart. */

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = gtk_image_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (lines, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (lines, TRUE);
  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *label = GTK_LABEL (i == 0 ? name : detail);

      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (label, 0);
      gtk_box_append (GTK_BOX (lines), GTK_WIDGET (label));
    }
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), lines);
  g_object_set_data (G_OBJECT (box), "cwa-status", status);
  g_object_set_data (G_OBJECT (box), "cwa-name", name);
  g_object_set_data (G_OBJECT (box), "cwa-detail", detail);
  cwa_ui_set_lazy_tooltip (box);
  gtk_list_item_set_child (list_item, box);
}

static gint64
state_now (ChoiceState *state)
{
  GDateTime *now = state->checklist != NULL ? cwa_checklist_get_now (state->checklist) : NULL;

  return now != NULL ? g_date_time_to_unix (now) : g_get_real_time () / G_USEC_PER_SEC;
}

static void
apply_status (ChoiceState *state,
              GtkWidget   *box)
{
  GObject *item = g_object_get_data (G_OBJECT (box), "cwa-item");
  GtkWidget *status = g_object_get_data (G_OBJECT (box), "cwa-status");

  /* "None" keeps an empty icon, so that every name starts in one column. */
  gtk_widget_set_visible (status, state->checklist != NULL);
  if (state->checklist != NULL)
    cwa_ui_status_apply (GTK_IMAGE (status), CWA_IS_CERTIFICATE (item)
                                               ? cwa_ui_status_for_subject (state->checklist, item)
                                               : CWA_UI_STATUS_NONE);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             GtkDropDown              *dropdown)
{
  ChoiceState *state = get_state (dropdown);
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkLabel *name = g_object_get_data (G_OBJECT (box), "cwa-name");
  GtkWidget *detail = g_object_get_data (G_OBJECT (box), "cwa-detail");

  g_hash_table_add (state->rows, box);
  g_object_set_data_full (G_OBJECT (box), "cwa-item", g_object_ref (item), g_object_unref);
  if (CWA_IS_CERTIFICATE (item))
    {
      CwaCertificate *certificate = CWA_CERTIFICATE (item);
      g_autofree gchar *text = cwa_certificate_choice_dup_detail (certificate, state_now (state));

      gtk_label_set_text (name, cwa_certificate_get_display_name (certificate));
      gtk_label_set_text (GTK_LABEL (detail), text);
      gtk_widget_set_visible (detail, TRUE);
      g_object_set_data_full (G_OBJECT (box), "cwa-tooltip",
                              g_strdup_printf ("%s\n%s", cwa_certificate_get_subject (certificate),
                                               cwa_certificate_get_sha256 (certificate)),
                              g_free);
    }
  else
    {
      /* Translators: a certificate drop-down's first choice */
      gtk_label_set_text (name, _("None"));
      gtk_widget_set_visible (detail, FALSE);
      g_object_set_data (G_OBJECT (box), "cwa-tooltip", NULL);
    }
  apply_status (state, box);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               GtkDropDown              *dropdown)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);

  g_hash_table_remove (get_state (dropdown)->rows, box);
  g_object_set_data (G_OBJECT (box), "cwa-item", NULL);
}

/* The popover's list view keeps a row for each of the first 200 or so
 * items whether shown or not (GTK 4.8), and the forms holding these
 * drop-downs exist while hidden: with the full rows, every drop of
 * certificates built hundreds of unseen rows.  So the popover lists with
 * empty rows until it is shown.  (GtkDropDown has no signal for its
 * popup; its popover is its child.) */
static void
popover_show_cb (GtkWidget   *popover,
                 GtkDropDown *dropdown)
{
  gtk_drop_down_set_list_factory (dropdown, get_state (dropdown)->rows_factory);
}

static void
use_empty_rows (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) empty_rows = gtk_signal_list_item_factory_new ();

  gtk_drop_down_set_list_factory (dropdown, empty_rows);
}

/* After the popover has closed and given the focus back: the rows are
 * dropped only then, as dropping the focused one would lose the focus.
 * On a busy machine the focus may come back late: it is looked for a few
 * times, then the rows stay (they cost time, never correctness). */
#define EMPTY_ROWS_TRIES 20

typedef struct
{
  GtkWidget *popover;
  guint      tries;
} EmptyRowsWait;

static void
empty_rows_wait_free (EmptyRowsWait *wait)
{
  g_object_unref (wait->popover);
  g_free (wait);
}

static gboolean
empty_rows_cb (gpointer data)
{
  EmptyRowsWait *wait = data;
  GtkWidget *dropdown = gtk_widget_get_parent (wait->popover);
  GtkRoot *root = dropdown != NULL ? gtk_widget_get_root (dropdown) : NULL;
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (dropdown == NULL || gtk_widget_get_visible (wait->popover))
    return G_SOURCE_REMOVE;
  if (focus != NULL && gtk_widget_is_ancestor (focus, wait->popover))
    return ++wait->tries < EMPTY_ROWS_TRIES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
  use_empty_rows (GTK_DROP_DOWN (dropdown));
  return G_SOURCE_REMOVE;
}

static void
popover_hide_cb (GtkWidget *popover)
{
  EmptyRowsWait *wait = g_new0 (EmptyRowsWait, 1);

  wait->popover = g_object_ref (popover);
  g_timeout_add_full (G_PRIORITY_LOW, 50, empty_rows_cb, wait, (GDestroyNotify) empty_rows_wait_free);
}

static ChoiceState *
ensure_state (GtkDropDown *dropdown)
{
  ChoiceState *state = get_state (dropdown);
  GtkListItemFactory *factory;

  if (state != NULL)
    return state;

  state = g_new0 (ChoiceState, 1);
  state->rows = g_hash_table_new (NULL, NULL);
  g_object_set_data_full (G_OBJECT (dropdown), STATE_KEY, state, (GDestroyNotify) choice_state_free);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (row_bind_cb), dropdown, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (row_unbind_cb), dropdown, 0);
  gtk_drop_down_set_factory (dropdown, factory);
  state->rows_factory = factory;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      {
        g_signal_connect_object (child, "show", G_CALLBACK (popover_show_cb), dropdown, 0);
        g_signal_connect (child, "hide", G_CALLBACK (popover_hide_cb), NULL);
        use_empty_rows (dropdown);
      }

  return state;
}

void
cwa_certificate_choice_bind (GtkDropDown *dropdown,
                             CwaPlan     *plan)
{
  ChoiceState *state;
  g_autoptr(GListStore) parts = NULL;
  g_autoptr(GListStore) none = NULL;
  g_autoptr(GtkStringObject) none_item = NULL;
  GtkFilterListModel *certificates;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (plan == NULL || CWA_IS_PLAN (plan));

  state = ensure_state (dropdown);
  state->filter = NULL;
  if (plan == NULL)
    {
      gtk_drop_down_set_model (dropdown, NULL);
      return;
    }

  state->filter = gtk_custom_filter_new (offered, state, NULL);
  certificates = gtk_filter_list_model_new (g_object_ref (cwa_plan_get_certificates (plan)),
                                            GTK_FILTER (state->filter));
  none = g_list_store_new (G_TYPE_OBJECT);
  none_item = gtk_string_object_new ("none");
  g_list_store_append (none, none_item);
  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, none);
  g_list_store_append (parts, certificates);
  g_object_unref (certificates);

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)))));
  g_object_unref (gtk_drop_down_get_model (dropdown));
}

void
cwa_certificate_choice_set_checklist (GtkDropDown  *dropdown,
                                      CwaChecklist *checklist)
{
  ChoiceState *state;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (checklist == NULL || CWA_IS_CHECKLIST (checklist));

  state = ensure_state (dropdown);
  if (g_set_object (&state->checklist, checklist))
    cwa_certificate_choice_refresh (dropdown);
}

void
cwa_certificate_choice_refresh (GtkDropDown *dropdown)
{
  ChoiceState *state;
  GHashTableIter iter;
  gpointer box;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  state = get_state (dropdown);
  if (state == NULL)
    return;

  g_hash_table_iter_init (&iter, state->rows);
  while (g_hash_table_iter_next (&iter, &box, NULL))
    apply_status (state, box);
}

void
cwa_certificate_choice_select (GtkDropDown    *dropdown,
                               CwaCertificate *certificate)
{
  ChoiceState *state;
  GListModel *model;
  guint position = 0;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (certificate == NULL || CWA_IS_CERTIFICATE (certificate));

  state = ensure_state (dropdown);
  if (state->assigned != certificate)
    {
      gboolean refilter = (state->assigned != NULL && cwa_certificate_is_ca (state->assigned)) ||
                          (certificate != NULL && cwa_certificate_is_ca (certificate));

      g_set_object (&state->assigned, certificate);
      if (refilter && state->filter != NULL)
        gtk_filter_changed (GTK_FILTER (state->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }

  model = gtk_drop_down_get_model (dropdown);
  for (guint i = 0; model != NULL && certificate != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if ((gpointer) item == (gpointer) certificate)
        {
          position = i;
          break;
        }
    }
  if (gtk_drop_down_get_selected (dropdown) != position)
    gtk_drop_down_set_selected (dropdown, position);
}

CwaCertificate *
cwa_certificate_choice_get (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  return CWA_IS_CERTIFICATE (item) ? CWA_CERTIFICATE (item) : NULL;
}
