/* cwa-model-private.h: setters and list plumbing the model classes share. */
#pragma once

#include <gio/gio.h>

#include "cwa-certificate.h"

G_BEGIN_DECLS

/* The types of the parents a child points back at: a virtual server's
 * computer, a publishing rule's reverse proxy.  Declared here so a child
 * needs no include of its parent's header, which includes the child's. */
GType cwa_server_get_type        (void);
GType cwa_reverse_proxy_get_type (void);

/* Sets *@fqdn to a copy of @value and *@host to its lenient normal form
 * (cwa_name_normalize_lenient), notifying @fqdn_pspec and, when the host
 * really changed, @host_pspec on @object in one batch.  Does nothing when
 * @value equals *@fqdn.  Used by computers, load balancers and reverse
 * proxies, whose FQDN the GUI may hold invalid while the user types. */
void _cwa_model_set_fqdn (GObject     *object,
                          const gchar *value,
                          gchar      **fqdn,
                          gchar      **host,
                          GParamSpec  *fqdn_pspec,
                          GParamSpec  *host_pspec);

/* The fields derived from a URL, and the properties that notify them. */
typedef struct
{
  gchar    *url;
  gchar    *host;      /* normalised */
  gboolean  is_https;
  guint     port;      /* explicit, or 443/80 */
} CwaUrlFields;

typedef struct
{
  GParamSpec *url;
  GParamSpec *host;
  GParamSpec *is_https;
  GParamSpec *port;
} CwaUrlPspecs;

/* Sets @fields from @value, which must parse (cwa_url_parse), notifying
 * each property of @pspecs whose value really changed, in one batch so a
 * listener of "url" already reads the new host.  Does nothing when @value
 * equals @fields->url.  Used by virtual servers and publishing rules. */
void _cwa_model_set_url (GObject            *object,
                         const gchar        *value,
                         CwaUrlFields       *fields,
                         const CwaUrlPspecs *pspecs);

/* Sets the optional string *@field to a copy of @value (an empty string
 * counts as NULL, see _cwa_set_optional_string) and notifies @pspec on
 * @object when it really changed.  TRUE when it changed. */
gboolean _cwa_model_set_optional_string (GObject      *object,
                                         gchar       **field,
                                         const gchar  *value,
                                         GParamSpec   *pspec);

/* Points the certificate slot *@slot at @certificate (referenced; NULL
 * empties it) and notifies @pspec on @object when it really changed. */
void _cwa_model_set_certificate (GObject         *object,
                                 CwaCertificate **slot,
                                 CwaCertificate  *certificate,
                                 GParamSpec      *pspec);

/* Points the weak back-pointer *@slot at @parent (NULL: none) and
 * notifies @pspec on @object when it really changed. */
void _cwa_model_set_parent (GObject     *object,
                            GObject    **slot,
                            GObject     *parent,
                            GParamSpec  *pspec);

/* A parent that owns its children in a GListStore, each child pointing
 * back at it weakly (a computer and its virtual servers, a reverse proxy
 * and its publishing rules): how to read and set a child's back-pointer. */
typedef struct
{
  gpointer (*get_parent) (gpointer child);
  void     (*set_parent) (gpointer child,
                          gpointer parent);
} CwaModelChildLink;

/* For dispose: children may outlive @parent in someone else's hands, so
 * those still pointing at it point at nothing. */
void _cwa_model_children_release (GListStore              *children,
                                  gpointer                 parent,
                                  const CwaModelChildLink *link);
/* Inserts @child at @position (clamped to the end), setting its
 * back-pointer first: whoever reacts to items-changed sees it set. */
void _cwa_model_children_insert  (GListStore              *children,
                                  gpointer                 parent,
                                  guint                    position,
                                  gpointer                 child,
                                  const CwaModelChildLink *link);
/* Removes @child and clears its back-pointer; FALSE when @child is not
 * in @children. */
gboolean _cwa_model_children_remove (GListStore              *children,
                                     gpointer                 child,
                                     const CwaModelChildLink *link);

G_END_DECLS
