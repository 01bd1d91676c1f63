/* server.c: rules about one CWA server computer: its MTLS certificate, audiences and bindings. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwa-names.h"
#include "cwa-rule-context.h"
#include "cwa-rules-private.h"
#include "cwa-vs-label.h"

static void
check_has_mtls_cert (const CwaRule  *rule,
                     CwaRuleContext *context,
                     gpointer        subject,
                     GPtrArray      *findings)
{
  CwaServer *server = subject;
  CwaCertificate *mtls = cwa_server_get_mtls_certificate (server);
  g_autofree gchar *name = cwa_rule_dup_server_name (server);

  if (mtls != NULL)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, server, NULL, mtls, NULL, NULL,
                          R_ ("The server %s has the MTLS certificate %s assigned."),
                          name, cwa_rule_certificate_name (mtls));
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, server, NULL, NULL, NULL, NULL,
                          R_ ("The server %s has no MTLS certificate assigned; "
                              "CWA needs one to be activated on it."),
                          name);
}

const CwaRule cwa_rule_server_has_mtls_cert = {
  "server.has-mtls-cert", CWA_LEVEL_ERROR, CWA_SCOPE_SERVER, "CWA-CERTS",
  N_ ("The server has an MTLS certificate assigned."),
  check_has_mtls_cert,
};

/* Labels in a message speak the message's language. */
static CwaLabelLanguage
label_language (void)
{
  return cwa_rule_text_is_translated () ? CWA_LABEL_TRANSLATED : CWA_LABEL_ENGLISH;
}

static gchar *
join_vs_names (GPtrArray *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      g_autofree gchar *name = cwa_vs_label_dup (g_ptr_array_index (list, i), label_language ());

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, name);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
check_internal_external_separate (const CwaRule  *rule,
                                  CwaRuleContext *context,
                                  gpointer        subject,
                                  GPtrArray      *findings)
{
  CwaServer *server = subject;
  GListModel *list = cwa_server_get_virtual_servers (server);
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GPtrArray) internal = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) external = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gchar *name = cwa_rule_dup_server_name (server);

  for (guint i = 0; i < n; i++)
    {
      CwaVirtualServer *vs = g_list_model_get_item (list, i);

      if (cwa_virtual_server_get_audience (vs) == CWA_AUDIENCE_EXTERNAL)
        g_ptr_array_add (external, vs);
      else
        g_ptr_array_add (internal, vs);
    }

  if (internal->len > 0 && external->len > 0)
    {
      g_autofree gchar *internal_names = join_vs_names (internal);
      g_autofree gchar *external_names = join_vs_names (external);

      cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, server, NULL, NULL, NULL, NULL,
                            R_ ("The server %s hosts both internal (%s) and external (%s) "
                                "virtual servers; host internal and external virtual servers "
                                "on separate computers."),
                            name, internal_names, external_names);
    }
  else
    {
      cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, server, NULL, NULL, NULL, NULL,
                            R_ ("The server %s hosts %s."), name,
                            external->len > 0 ? R_ ("only external virtual servers")
                            : internal->len > 0 ? R_ ("only internal virtual servers")
                            : R_ ("no virtual servers"));
    }
}

const CwaRule cwa_rule_server_internal_external_separate = {
  "server.internal-external-separate", CWA_LEVEL_WARNING, CWA_SCOPE_SERVER, "CWA-VS",
  N_ ("Internal and external virtual servers are hosted on separate computers (recommended for security)."),
  check_internal_external_separate,
};

static gchar *
strip_brackets (const gchar *address)
{
  gsize len = strlen (address);

  if (len >= 2 && address[0] == '[' && address[len - 1] == ']')
    return g_strndup (address + 1, len - 2);

  return g_strdup (address);
}

/* "*" only equals "*": IIS gives a specific address precedence over the
 * wildcard binding, so "*:443" beside "10.0.0.1:443" is no conflict. */
static gboolean
addresses_equal (const gchar *a,
                 const gchar *b)
{
  g_autofree gchar *bare_a = NULL;
  g_autofree gchar *bare_b = NULL;
  g_autoptr(GInetAddress) inet_a = NULL;
  g_autoptr(GInetAddress) inet_b = NULL;

  if (strcmp (a, "*") == 0 || strcmp (b, "*") == 0)
    return strcmp (a, b) == 0;

  bare_a = strip_brackets (a);
  bare_b = strip_brackets (b);
  inet_a = g_inet_address_new_from_string (bare_a);
  inet_b = g_inet_address_new_from_string (bare_b);
  if (inet_a != NULL && inet_b != NULL)
    return g_inet_address_equal (inet_a, inet_b);
  if (inet_a != NULL || inet_b != NULL)
    return FALSE;
  if (cwa_name_is_valid_host (bare_a) && cwa_name_is_valid_host (bare_b))
    return cwa_name_equal (bare_a, bare_b);

  return g_ascii_strcasecmp (bare_a, bare_b) == 0;
}

typedef struct
{
  CwaVirtualServer *vs;
  gchar            *listen;
  gchar            *address;
  guint             port;
  gboolean          parsed;
} Binding;

static void
binding_clear (gpointer data)
{
  Binding *binding = data;

  g_clear_object (&binding->vs);
  g_clear_pointer (&binding->listen, g_free);
  g_clear_pointer (&binding->address, g_free);
}

static gboolean
bindings_conflict (const Binding *a,
                   const Binding *b)
{
  if (!a->parsed || !b->parsed)
    return g_ascii_strcasecmp (a->listen, b->listen) == 0;

  return a->port == b->port && addresses_equal (a->address, b->address);
}

static void
check_listen_conflict (const CwaRule  *rule,
                       CwaRuleContext *context,
                       gpointer        subject,
                       GPtrArray      *findings)
{
  CwaServer *server = subject;
  GListModel *list = cwa_server_get_virtual_servers (server);
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GArray) bindings = g_array_sized_new (FALSE, TRUE, sizeof (Binding), n);
  g_autoptr(GString) conflicts = g_string_new (NULL);
  g_autofree gchar *name = cwa_rule_dup_server_name (server);

  g_array_set_clear_func (bindings, binding_clear);

  for (guint i = 0; i < n; i++)
    {
      Binding binding = { 0 };

      binding.vs = g_list_model_get_item (list, i);
      binding.listen = cwa_virtual_server_dup_effective_listen (binding.vs);
      if (binding.listen == NULL)
        binding.listen = g_strdup ("");
      binding.parsed = cwa_listen_parse (binding.listen, &binding.address, &binding.port, NULL);
      g_array_append_val (bindings, binding);
    }

  for (guint i = 0; i < bindings->len; i++)
    {
      const Binding *a = &g_array_index (bindings, Binding, i);

      for (guint j = i + 1; j < bindings->len; j++)
        {
          const Binding *b = &g_array_index (bindings, Binding, j);
          g_autofree gchar *name_a = NULL;
          g_autofree gchar *name_b = NULL;

          if (!bindings_conflict (a, b))
            continue;

          name_a = cwa_vs_label_dup (a->vs, label_language ());
          name_b = cwa_vs_label_dup (b->vs, label_language ());
          if (conflicts->len > 0)
            g_string_append (conflicts, "; ");
          if (g_ascii_strcasecmp (a->listen, b->listen) == 0)
            g_string_append_printf (conflicts, R_ ("%s and %s both listen on %s"),
                                    name_a, name_b, a->listen);
          else
            g_string_append_printf (conflicts, R_ ("%s (%s) and %s (%s) listen on the same address and port"),
                                    name_a, a->listen, name_b, b->listen);
        }
    }

  if (conflicts->len > 0)
    cwa_rule_add_finding (findings, rule, CWA_STATUS_FAIL, server, NULL, NULL, NULL, NULL,
                          R_ ("On the server %s, %s; give each virtual server its own "
                              "IP address or port."),
                          name, conflicts->str);
  else
    cwa_rule_add_finding (findings, rule, CWA_STATUS_PASS, server, NULL, NULL, NULL, NULL,
                          R_ ("No two virtual servers on the server %s listen on the same "
                              "address and port."),
                          name);
}

const CwaRule cwa_rule_server_listen_conflict = {
  "server.listen-conflict", CWA_LEVEL_ERROR, CWA_SCOPE_SERVER, "CWA-VS",
  N_ ("No two virtual servers on one computer listen on the same address and port."),
  check_listen_conflict,
};
