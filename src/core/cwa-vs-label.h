/* cwa-vs-label.h: the name a virtual server goes by in reports, the command line and the window. */
#pragma once

#include <gio/gio.h>

#include "cwa-virtual-server.h"

G_BEGIN_DECLS

typedef enum
{
  /* Reports and the command line: always English. */
  CWA_LABEL_ENGLISH,
  /* The window: the words of the label through the "cwa-cert-planner"
   * message catalogue. */
  CWA_LABEL_TRANSLATED,
} CwaLabelLanguage;

/* The label of @virtual_server among the virtual servers of its computer.
 *
 * Usually its URL host, written as rules.md asks reports to write it
 * (cwa_rule_dup_vs_name(): lower case, no trailing dot).  When another
 * virtual server of the same computer has the same URL host (an internal
 * and an external site on different ports, say), every one of them is
 * named with what tells them apart, tried in this order: the URL's port
 * ("im.contoso.com:8443"), the audience ("im.contoso.com (external)"),
 * both ("im.contoso.com:443 (external)"), the listen binding, and last
 * their position among them.  Virtual servers with one host on different
 * computers keep the plain host: their computer tells them apart.
 *
 * Returns: (transfer full): the label, never NULL. */
gchar *cwa_vs_label_dup        (CwaVirtualServer *virtual_server,
                                CwaLabelLanguage  language);

/* Whether cwa_vs_label_dup() names @virtual_server with more than its
 * host, i.e. another virtual server of its computer has the same host. */
gboolean cwa_vs_label_is_qualified (CwaVirtualServer *virtual_server);

G_END_DECLS
