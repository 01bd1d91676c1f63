/* cwa-proxy-menu.h: the choice of reverse proxy for "Publish Through Reverse Proxy…" when the plan has several. */
#pragma once

#include <gio/gio.h>

#include "cwa-plan.h"

G_BEGIN_DECLS

/* A menu with an item per reverse proxy of @plan, in plan order, labelled
 * with its FQDN and running "editor.publish-on" with that FQDN: the
 * deployment editor's form button and the topology view's context menu
 * offer the same choice.  Returns a new GMenu (free with g_object_unref()),
 * empty when the plan has no reverse proxy. */
GMenu *cwa_proxy_menu_new (CwaPlan *plan);

G_END_DECLS
