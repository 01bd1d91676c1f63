/* cwa-proxy-menu.c: the choice of reverse proxy for "Publish Through Reverse Proxy…" when the plan has several. */
#include "config.h"

#include "cwa-proxy-menu.h"

GMenu *
cwa_proxy_menu_new (CwaPlan *plan)
{
  GListModel *proxies;
  GMenu *menu;

  g_return_val_if_fail (CWA_IS_PLAN (plan), NULL);

  proxies = cwa_deployment_get_reverse_proxies (cwa_plan_get_deployment (plan));
  menu = g_menu_new ();
  for (guint i = 0; i < g_list_model_get_n_items (proxies); i++)
    {
      g_autoptr(CwaReverseProxy) proxy = g_list_model_get_item (proxies, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (cwa_reverse_proxy_get_fqdn (proxy), NULL);

      g_menu_item_set_action_and_target (item, "editor.publish-on", "s", cwa_reverse_proxy_get_fqdn (proxy));
      g_menu_append_item (menu, item);
    }
  return menu;
}
