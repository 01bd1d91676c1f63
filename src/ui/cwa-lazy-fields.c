/* cwa-lazy-fields.c: a certificate's inspector fields, built the first time they are asked for. */
#include "config.h"

#include "cwa-cert-field.h"
#include "cwa-lazy-fields.h"

struct _CwaLazyFields
{
  GObject         parent_instance;

  CwaCertificate *certificate;
  CwaChecklist   *checklist;
  GListModel     *fields;     /* NULL until asked for */
};

static void cwa_lazy_fields_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwaLazyFields, cwa_lazy_fields, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cwa_lazy_fields_list_model_init))

/* Builds the fields once; the certificate and checklist are not needed
 * after that. */
static GListModel *
ensure_fields (CwaLazyFields *self)
{
  if (self->fields == NULL)
    {
      self->fields = cwa_cert_fields_for_certificate (self->certificate, self->checklist);
      g_clear_object (&self->certificate);
      g_clear_object (&self->checklist);
    }
  return self->fields;
}

static GType
cwa_lazy_fields_get_item_type (GListModel *model)
{
  return CWA_TYPE_CERT_FIELD;
}

static guint
cwa_lazy_fields_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (ensure_fields (CWA_LAZY_FIELDS (model)));
}

static gpointer
cwa_lazy_fields_get_item (GListModel *model,
                          guint       position)
{
  return g_list_model_get_item (ensure_fields (CWA_LAZY_FIELDS (model)), position);
}

static void
cwa_lazy_fields_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cwa_lazy_fields_get_item_type;
  iface->get_n_items = cwa_lazy_fields_get_n_items;
  iface->get_item = cwa_lazy_fields_get_item;
}

static void
cwa_lazy_fields_dispose (GObject *object)
{
  CwaLazyFields *self = CWA_LAZY_FIELDS (object);

  g_clear_object (&self->certificate);
  g_clear_object (&self->checklist);
  g_clear_object (&self->fields);

  G_OBJECT_CLASS (cwa_lazy_fields_parent_class)->dispose (object);
}

static void
cwa_lazy_fields_class_init (CwaLazyFieldsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cwa_lazy_fields_dispose;
}

static void
cwa_lazy_fields_init (CwaLazyFields *self)
{
}

GListModel *
cwa_lazy_fields_new (CwaCertificate *certificate,
                     CwaChecklist   *checklist)
{
  CwaLazyFields *self;

  g_return_val_if_fail (CWA_IS_CERTIFICATE (certificate), NULL);
  g_return_val_if_fail (checklist == NULL || CWA_IS_CHECKLIST (checklist), NULL);

  self = g_object_new (CWA_TYPE_LAZY_FIELDS, NULL);
  self->certificate = g_object_ref (certificate);
  self->checklist = checklist != NULL ? g_object_ref (checklist) : NULL;
  return G_LIST_MODEL (self);
}
