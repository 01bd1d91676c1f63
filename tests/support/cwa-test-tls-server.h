/* cwa-test-tls-server.h: small TCP/TLS servers on loopback, each on its own thread, for the probe tests. */
#pragma once

#include <gio/gio.h>

#include "cwa-test-cert.h"

G_BEGIN_DECLS

typedef enum
{
  /* A GnuTLS server that serves a chain and then waits for the client to go. */
  CWA_TEST_SERVER_TLS,
  /* Accepts TCP connections and never says a word. */
  CWA_TEST_SERVER_SILENT,
  /* Answers anything with a line of plain HTTP, as a non-TLS site does. */
  CWA_TEST_SERVER_PLAIN,
} CwaTestServerMode;

typedef struct _CwaTestTlsServer CwaTestTlsServer;

/* Listens on @address (an address of 127.0.0.0/8 only: anything else
 * fails the test) and @port (0: any free port).  For CWA_TEST_SERVER_TLS,
 * @chain (element type GBytes, DER, leaf first) is served with the private
 * key @key; both are ignored otherwise. */
CwaTestTlsServer *cwa_test_tls_server_new      (const gchar       *address,
                                                guint              port,
                                                CwaTestServerMode  mode,
                                                GPtrArray         *chain,
                                                CwaTestKey         key);
guint             cwa_test_tls_server_get_port (CwaTestTlsServer  *server);
/* How many connections it accepted. */
guint             cwa_test_tls_server_get_n_accepted (CwaTestTlsServer *server);
/* Stops the thread, closes every connection and frees. */
void              cwa_test_tls_server_free     (CwaTestTlsServer  *server);

/* TRUE when this process sees no network interface but loopback: the only
 * place the probe tests run.  @why says what else it sees. */
gboolean          cwa_test_only_loopback       (gchar            **why);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwaTestTlsServer, cwa_test_tls_server_free)

G_END_DECLS
