/* cwa-topology-bands.h: the order in which the topology view and picture draw a deployment: edge, load balancers, computers. */
#pragma once

#include <gio/gio.h>

#include "cwa-deployment.h"
#include "cwa-requirement.h"

G_BEGIN_DECLS

/* One load balancer over the computers of its group it balances:
 * servers[first .. first + n) of the group.  Load balancers sharing
 * computers stack in tiers over one group, tier 0 at the top; two in one
 * tier never share a column. */
typedef struct
{
  CwaLoadBalancer *load_balancer;  /* owned */
  guint            first;
  guint            n;              /* 0: none of its members is in the plan */
  guint            tier;
  double           offset;         /* below the band's top; see cwa_topology_group_stack() */
} CwaTopologySpan;

/* Load balancers over the computers they span, or one computer in no
 * array (@spans empty).  The window's topology view and the exported
 * picture place the same groups in the same rows, so both show the plan
 * alike. */
typedef struct
{
  GPtrArray       *spans;          /* CwaTopologySpan, owned, plan order */
  GPtrArray       *servers;        /* CwaServer, owned */
  guint            row;            /* 0 = first row of computers */
  guint            column;         /* of its first computer in the row */
} CwaTopologyGroup;

void       cwa_topology_group_free       (CwaTopologyGroup *group);
/* How many computer columns @group takes: its computers, or 1 for a load
 * balancer none of whose members is in the plan yet. */
guint      cwa_topology_group_get_width  (const CwaTopologyGroup *group);
/* Whether a load balancer in a tier below @span's also spans computer
 * @index of @group: its box then stands between @span's and the
 * computer's, and @span's join to it is not drawn. */
gboolean   cwa_topology_group_is_covered (const CwaTopologyGroup *group,
                                          const CwaTopologySpan  *span,
                                          guint                   index);
/* Stacks @group's load balancers: each tier as high as its highest box
 * (@height_of gives a box's height for the computer columns it spans),
 * @tier_gap between tiers; sets every span's offset.  Returns the band's
 * height, 0 without load balancers. */
double     cwa_topology_group_stack      (CwaTopologyGroup *group,
                                          double          (*height_of) (CwaLoadBalancer *load_balancer,
                                                                        guint            columns,
                                                                        gpointer         data),
                                          gpointer          data,
                                          double            tier_gap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaTopologyGroup, cwa_topology_group_free)

/* The groups of @deployment in drawing order: each load balancer (plan
 * order) with its members that are in the plan, so that its box spans
 * exactly them; then every computer in no load balancer, alone.  A
 * computer listed by two load balancers is drawn once, with both over it:
 * the second stacks below the first over the computers it balances (its
 * new members added after the shared ones), which is how an internal and
 * an external array over one pool of computers look to their owner.  Only
 * when that cannot be done (members already drawn apart, in two groups or
 * not side by side) is the second drawn over its other members alone.  Groups fill rows left to right, a new row starting when the
 * next group would pass @max_columns computers (a wider group gets a row
 * of its own).  Element type CwaTopologyGroup, owned (free function set). */
GPtrArray *cwa_topology_dup_groups       (CwaDeployment *deployment,
                                          guint          max_columns);

/* What a publishing rule's line joins on the picture: the load balancer
 * whose FQDN is the published virtual server's host (an array), or else
 * every virtual server with that host; empty when the host is not in the
 * plan.  Element type GObject (CwaLoadBalancer or CwaVirtualServer),
 * owned references. */
GPtrArray       *cwa_topology_dup_rule_ends (CwaDeployment     *deployment,
                                             CwaPublishingRule *rule);

/* The required-names entry a box or card of @subject shows, among
 * @requirements (a GListModel of CwaRequirement, the checklist's): the
 * MTLS (or shared) entry of a CwaServer; the SSL or shared entry of a
 * CwaVirtualServer, for an array member the array's SSL entry; the
 * load-balancer entry of a CwaLoadBalancer; the reverse-proxy entry of a
 * CwaPublishingRule.  Borrowed from @requirements, or NULL (an http
 * virtual server, a load balancer passing TLS through). */
CwaRequirement  *cwa_topology_find_requirement (GListModel *requirements,
                                                gpointer    subject);

G_END_DECLS
