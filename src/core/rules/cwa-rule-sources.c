/* cwa-rule-sources.c: the documents the rules come from, explained once for
 * `rules --format markdown` (and so doc/rules.md). */
#include "config.h"

#include <string.h>

#include "cwa-rules.h"

static const CwaRuleSource sources[] = {
  { "CWA-CERTS",
    "Certificate requirements of Communicator Web Access (2007 R2 release)",
    "The primary source. It says which certificates a CWA server needs: an MTLS "
    "certificate whose subject is the computer's FQDN, for talking to Office "
    "Communications Server, and an SSL certificate per virtual server whose subject is "
    "the URL's host and whose subject alternative names also list the asURL and the "
    "downloadURL. One certificate may serve both roles on a deployment of one server, "
    "and then also lists the computer's FQDN. Virtual servers of different domains on "
    "one computer need one certificate each, names are listed one by one (no "
    "wildcards), and external virtual servers need a certificate from a public CA, or "
    "users on public computers can log on but cannot send instant messages or share "
    "their desktop." },
  { "CWA-PREP",
    "Preparing certificates for Communicator Web Access (2007 R2 deployment guide)",
    "What the certificate itself must look like: X.509 version 3, Server "
    "Authentication in the Extended Key Usage when there is one, Digital Signature and "
    "Key Encipherment in the Key Usage when there is one, an exportable private key. It "
    "also asks for SSL certificates on load balancers that decrypt SSL and on reverse "
    "proxies that publish a virtual server." },
  { "CWA-VS",
    "Creating a Communicator Web Access virtual server",
    "How virtual servers are laid out: internal ones for users inside the network and "
    "external ones for users outside it, external ones over HTTPS only, and the two "
    "kinds preferably on separate computers. Each virtual server binds its own address "
    "and port, and each URL is served once in the deployment." },
  { "CWA-LB",
    "Using a load balancer with Communicator Web Access",
    "Two or more CWA servers that serve one virtual server stand behind a hardware load "
    "balancer. Its virtual IP has a single DNS name, the array FQDN, and every member's "
    "SSL certificate has that array FQDN as its subject, whatever the member computer is "
    "called. The members' virtual servers must agree on scheme, audience, port, asURL "
    "and downloadURL." },
  { "CWA-RP",
    "Publishing Communicator Web Access through a reverse proxy",
    "External virtual servers are best published through a reverse proxy (ISA Server) "
    "in the perimeter network. The published address is HTTPS, the proxy's listener "
    "certificate carries the published host, and when the proxy forwards over SSL the "
    "internal name it uses must be on the certificate it is shown, issued by a CA the "
    "proxy trusts." },
  { "CWA-DNS",
    "DNS records for Communicator Web Access",
    "Every virtual server or array needs a host record, and the CNAME records "
    "`as.<host>` and `download.<host>` (desktop sharing and downloads use them) that point "
    "where the host points: at the computer, the load balancer or the reverse proxy." },
  { "LIVE",
    "What `probe` sees on the network",
    "Rules that compare the running deployment with the plan: `probe` connects to each "
    "planned TLS endpoint, records the certificate chain it serves and resolves the "
    "planned DNS names. `check` never produces these findings." },
  { "PKIX",
    "General X.509 practice (RFC 5280, RFC 6125)",
    "Not specific to CWA: what every TLS certificate needs to be accepted, such as being "
    "inside its validity period, chaining to a trusted root, a key of sufficient size, "
    "a signature algorithm that is not broken, and no critical extension a client does "
    "not understand." },
};

const CwaRuleSource *
cwa_rules_get_sources (guint *n_sources)
{
  if (n_sources != NULL)
    *n_sources = G_N_ELEMENTS (sources);

  return sources;
}

const CwaRuleSource *
cwa_rules_lookup_source (const gchar *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      if (strcmp (sources[i].id, id) == 0)
        return &sources[i];
    }

  return NULL;
}
