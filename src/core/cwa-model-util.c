/* cwa-model-util.c: setters and list plumbing the model classes share. */
#include "config.h"

#include "cwa-model-private.h"
#include "cwa-names.h"
#include "cwa-plan-private.h"

static void
replace_string (GObject     *object,
                gchar      **field,
                gchar       *value,
                GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

void
_cwa_model_set_fqdn (GObject     *object,
                     const gchar *value,
                     gchar      **fqdn,
                     gchar      **host,
                     GParamSpec  *fqdn_pspec,
                     GParamSpec  *host_pspec)
{
  if (g_strcmp0 (*fqdn, value) == 0)
    return;

  g_object_freeze_notify (object);
  replace_string (object, fqdn, g_strdup (value), fqdn_pspec);
  replace_string (object, host, cwa_name_normalize_lenient (value), host_pspec);
  g_object_thaw_notify (object);
}

void
_cwa_model_set_url (GObject            *object,
                    const gchar        *value,
                    CwaUrlFields       *fields,
                    const CwaUrlPspecs *pspecs)
{
  gchar *host = NULL;
  gboolean is_https = TRUE;
  guint port = 443;

  if (!cwa_url_parse (value, &is_https, &host, &port, NULL))
    g_return_if_reached ();
  if (g_strcmp0 (fields->url, value) == 0)
    {
      g_free (host);
      return;
    }

  g_object_freeze_notify (object);
  replace_string (object, &fields->url, g_strdup (value), pspecs->url);
  replace_string (object, &fields->host, host, pspecs->host);
  if (fields->is_https != is_https)
    {
      fields->is_https = is_https;
      g_object_notify_by_pspec (object, pspecs->is_https);
    }
  if (fields->port != port)
    {
      fields->port = port;
      g_object_notify_by_pspec (object, pspecs->port);
    }
  g_object_thaw_notify (object);
}

gboolean
_cwa_model_set_optional_string (GObject      *object,
                                gchar       **field,
                                const gchar  *value,
                                GParamSpec   *pspec)
{
  if (!_cwa_set_optional_string (field, value))
    return FALSE;

  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

void
_cwa_model_set_certificate (GObject         *object,
                            CwaCertificate **slot,
                            CwaCertificate  *certificate,
                            GParamSpec      *pspec)
{
  if (g_set_object (slot, certificate))
    g_object_notify_by_pspec (object, pspec);
}

void
_cwa_model_set_parent (GObject     *object,
                       GObject    **slot,
                       GObject     *parent,
                       GParamSpec  *pspec)
{
  if (g_set_weak_pointer (slot, parent))
    g_object_notify_by_pspec (object, pspec);
}

void
_cwa_model_children_release (GListStore              *children,
                             gpointer                 parent,
                             const CwaModelChildLink *link)
{
  guint n;

  if (children == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (children));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (G_LIST_MODEL (children), i);

      if (link->get_parent (child) == parent)
        link->set_parent (child, NULL);
    }
}

void
_cwa_model_children_insert (GListStore              *children,
                            gpointer                 parent,
                            guint                    position,
                            gpointer                 child,
                            const CwaModelChildLink *link)
{
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (children)));

  link->set_parent (child, parent);
  g_list_store_insert (children, position, child);
}

gboolean
_cwa_model_children_remove (GListStore              *children,
                            gpointer                 child,
                            const CwaModelChildLink *link)
{
  g_autoptr(GObject) hold = NULL;
  guint position;

  if (!g_list_store_find (children, child, &position))
    return FALSE;

  hold = g_object_ref (child);
  g_list_store_remove (children, position);
  link->set_parent (child, NULL);
  return TRUE;
}
