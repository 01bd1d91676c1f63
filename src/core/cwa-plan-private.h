/* cwa-plan-private.h: what the model classes and the plan file code share and nobody else needs. */
#pragma once

#include <json-glib/json-glib.h>

#include "cwa-plan.h"

G_BEGIN_DECLS

/* JSON members this program does not know, kept on a plan, server or
 * virtual server so that a newer program's additions survive a round trip
 * through this one.  @members may be NULL; it is copied by reference. */
void        _cwa_object_set_extra_members     (GObject          *object,
                                               JsonObject       *members);
/* Borrowed, or NULL when there were none. */
JsonObject *_cwa_object_get_extra_members     (GObject          *object);

/* Stores a copy of @value in *@field; an empty string counts as NULL (an
 * emptied entry in the GUI means "the default", never a value no rule can
 * read).  Returns TRUE if the field changed: the caller then notifies. */
gboolean    _cwa_set_optional_string          (gchar           **field,
                                               const gchar      *value);

/* Bumped whenever a certificate of the plan changes its id, the name
 * findings give it. */
guint64     _cwa_plan_get_names_stamp            (CwaPlan       *self);

/* Only CwaServer calls this: the weak back-pointer of a virtual server. */
void        _cwa_virtual_server_set_server    (CwaVirtualServer *self,
                                               CwaServer        *server);

/* How a certificate entry was written in the plan file, so a save writes it
 * back the same way.  Entries without a record (added by the GUI) are
 * written as `pem` holding just the certificate. */
typedef struct
{
  gchar      *file;           /* "file" as written, or NULL */
  gchar      *sha256;         /* "sha256" pin as written, or NULL */
  gchar      *pem;            /* "pem" as written, or NULL */
  GPtrArray  *companions;     /* the chain certificates that came with it */
  JsonObject *extra_members;  /* unknown members of the entry, or NULL */
} CwaPlanEntrySource;

CwaPlanEntrySource *_cwa_plan_entry_source_new  (void);
void                _cwa_plan_entry_source_free (CwaPlanEntrySource *source);

/* Takes @source; @certificate must be an entry of @plan.  The record is
 * dropped when the entry is removed. */
void                _cwa_plan_set_entry_source (CwaPlan            *plan,
                                                CwaCertificate     *certificate,
                                                CwaPlanEntrySource *source);
/* Borrowed, or NULL. */
const CwaPlanEntrySource *_cwa_plan_get_entry_source (CwaPlan        *plan,
                                                      CwaCertificate *certificate);

/* Takes the record of @certificate off the plan (owned; NULL if none):
 * before removing an entry whose removal may be undone. */
CwaPlanEntrySource *_cwa_plan_steal_entry_source (CwaPlan        *plan,
                                                  CwaCertificate *certificate);
/* Puts back an entry cwa_plan_remove_certificate() removed, at @position
 * (clamped) with its record @source (taken, may be NULL); a new id if its
 * own was taken since.  FALSE, changing nothing, when the same certificate
 * is an entry again. */
gboolean            _cwa_plan_restore_certificate (CwaPlan            *plan,
                                                   guint               position,
                                                   CwaCertificate     *certificate,
                                                   CwaPlanEntrySource *source);

/* Unknown members of "settings". */
void        _cwa_plan_set_settings_extra_members (CwaPlan    *plan,
                                                  JsonObject *members);
JsonObject *_cwa_plan_get_settings_extra_members (CwaPlan    *plan);

/* A unique entry id made from @certificate's subject CN ("im-contoso-com",
 * then "im-contoso-com-2"...), not colliding with any entry of @plan nor
 * with @also_taken (may be NULL). */
gchar      *_cwa_plan_make_certificate_id    (CwaPlan        *plan,
                                              CwaCertificate *certificate,
                                              GHashTable     *also_taken);

/* Only CwaReverseProxy calls this: the weak back-pointer of a publishing
 * rule. */
void        _cwa_publishing_rule_set_reverse_proxy (CwaPublishingRule *self,
                                                    CwaReverseProxy   *proxy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaPlanEntrySource, _cwa_plan_entry_source_free)

G_END_DECLS
