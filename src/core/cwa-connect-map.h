/* cwa-connect-map.h: curl's --resolve and --connect-to for probe: where a HOST:PORT is really reached. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CwaConnectMap CwaConnectMap;

CwaConnectMap *cwa_connect_map_new            (void);
void           cwa_connect_map_free           (CwaConnectMap *self);

/* Adds "HOST:PORT:ADDRESS[,ADDRESS]..." as curl's --resolve reads it (an
 * optional leading "+", HOST "*" for any host, an IPv6 address in
 * brackets).  On a malformed entry returns FALSE and sets @error
 * (G_IO_ERROR_INVALID_ARGUMENT) with a sentence naming the entry. */
gboolean       cwa_connect_map_add_resolve    (CwaConnectMap *self,
                                               const gchar   *entry,
                                               GError       **error);
/* Adds "HOST:PORT:CONNECT-HOST:CONNECT-PORT" as curl's --connect-to reads
 * it: an empty HOST or PORT matches any, an empty CONNECT-HOST or
 * CONNECT-PORT keeps the original.  Errors as above. */
gboolean       cwa_connect_map_add_connect_to (CwaConnectMap *self,
                                               const gchar   *entry,
                                               GError       **error);

/* The first --connect-to entry matching @host and @port: TRUE, with the
 * target in @connect_host (owned; brackets removed) and @connect_port. */
gboolean       cwa_connect_map_lookup_connect_to (CwaConnectMap *self,
                                                  const gchar   *host,
                                                  guint          port,
                                                  gchar        **connect_host,
                                                  guint         *connect_port);
/* The --resolve addresses for @host on @port (0: on any port, as the DNS
 * comparison reads them), in the order given, or NULL when no entry names
 * @host.  Host names compare as rules.md says. */
GStrv          cwa_connect_map_lookup_resolve (CwaConnectMap *self,
                                               const gchar   *host,
                                               guint          port);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaConnectMap, cwa_connect_map_free)

G_END_DECLS
