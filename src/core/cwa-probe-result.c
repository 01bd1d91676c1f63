/* cwa-probe-result.c: what probe observed at one endpoint. */
#include "config.h"

#include "cwa-names.h"
#include "cwa-probe-result.h"

struct _CwaProbeResult
{
  GObject      parent_instance;

  CwaEndpoint *endpoint;
  CwaAudience  view;
  gchar       *address;
  GPtrArray   *served;
  gchar       *error;
  GPtrArray   *dns;
};

G_DEFINE_FINAL_TYPE (CwaProbeResult, cwa_probe_result, G_TYPE_OBJECT)

static void
dns_answer_free (gpointer data)
{
  CwaDnsAnswer *answer = data;

  g_free (answer->name);
  g_strfreev (answer->addresses);
  g_free (answer->error);
  g_free (answer);
}

static void
cwa_probe_result_finalize (GObject *object)
{
  CwaProbeResult *self = (CwaProbeResult *) object;

  g_clear_object (&self->endpoint);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->served, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->dns, g_ptr_array_unref);

  G_OBJECT_CLASS (cwa_probe_result_parent_class)->finalize (object);
}

static void
cwa_probe_result_class_init (CwaProbeResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cwa_probe_result_finalize;
}

static void
cwa_probe_result_init (CwaProbeResult *self)
{
  self->served = g_ptr_array_new_with_free_func (g_object_unref);
  self->dns = g_ptr_array_new_with_free_func (dns_answer_free);
}

CwaProbeResult *
cwa_probe_result_new (CwaEndpoint *endpoint,
                      CwaAudience  view)
{
  CwaProbeResult *self;

  g_return_val_if_fail (CWA_IS_ENDPOINT (endpoint), NULL);

  self = g_object_new (CWA_TYPE_PROBE_RESULT, NULL);
  self->endpoint = g_object_ref (endpoint);
  self->view = view;

  return self;
}

CwaEndpoint *
cwa_probe_result_get_endpoint (CwaProbeResult *self)
{
  g_return_val_if_fail (CWA_IS_PROBE_RESULT (self), NULL);

  return self->endpoint;
}

CwaAudience
cwa_probe_result_get_view (CwaProbeResult *self)
{
  g_return_val_if_fail (CWA_IS_PROBE_RESULT (self), CWA_AUDIENCE_INTERNAL);

  return self->view;
}

const gchar *
cwa_probe_result_get_address (CwaProbeResult *self)
{
  g_return_val_if_fail (CWA_IS_PROBE_RESULT (self), NULL);

  return self->address;
}

GPtrArray *
cwa_probe_result_get_served (CwaProbeResult *self)
{
  g_return_val_if_fail (CWA_IS_PROBE_RESULT (self), NULL);

  return self->served;
}

CwaCertificate *
cwa_probe_result_get_leaf (CwaProbeResult *self)
{
  g_return_val_if_fail (CWA_IS_PROBE_RESULT (self), NULL);

  return self->served->len > 0 ? g_ptr_array_index (self->served, 0) : NULL;
}

const gchar *
cwa_probe_result_get_error (CwaProbeResult *self)
{
  g_return_val_if_fail (CWA_IS_PROBE_RESULT (self), NULL);

  return self->error;
}

GPtrArray *
cwa_probe_result_get_dns (CwaProbeResult *self)
{
  g_return_val_if_fail (CWA_IS_PROBE_RESULT (self), NULL);

  return self->dns;
}

const CwaDnsAnswer *
cwa_probe_result_lookup_dns (CwaProbeResult *self,
                             const gchar    *name)
{
  g_return_val_if_fail (CWA_IS_PROBE_RESULT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->dns->len; i++)
    {
      const CwaDnsAnswer *answer = g_ptr_array_index (self->dns, i);

      if (cwa_name_equal (answer->name, name))
        return answer;
    }

  return NULL;
}

void
cwa_probe_result_set_address (CwaProbeResult *self,
                              const gchar    *address)
{
  g_return_if_fail (CWA_IS_PROBE_RESULT (self));

  g_free (self->address);
  self->address = g_strdup (address);
}

void
cwa_probe_result_set_error (CwaProbeResult *self,
                            const gchar    *error)
{
  g_return_if_fail (CWA_IS_PROBE_RESULT (self));

  g_free (self->error);
  self->error = g_strdup (error);
}

void
cwa_probe_result_add_served (CwaProbeResult *self,
                             CwaCertificate *certificate)
{
  g_return_if_fail (CWA_IS_PROBE_RESULT (self));
  g_return_if_fail (CWA_IS_CERTIFICATE (certificate));

  g_ptr_array_add (self->served, g_object_ref (certificate));
}

void
cwa_probe_result_add_dns (CwaProbeResult *self,
                          const gchar    *name,
                          GStrv           addresses,
                          const gchar    *error)
{
  CwaDnsAnswer *answer;

  g_return_if_fail (CWA_IS_PROBE_RESULT (self));
  g_return_if_fail (name != NULL);

  answer = g_new0 (CwaDnsAnswer, 1);
  answer->name = g_strdup (name);
  answer->addresses = addresses;
  answer->error = g_strdup (error);
  g_ptr_array_add (self->dns, answer);
}
