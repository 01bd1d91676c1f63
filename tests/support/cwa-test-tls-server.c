/* cwa-test-tls-server.c: TCP/TLS servers on loopback for the probe tests, each on a thread of its own. */
#include "config.h"

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <net/if.h>

#include "cwa-test-tls-server.h"

/* How long a server waits for a client that stalls; the probe's own
 * timeouts in the tests are shorter. */
#define SERVER_WAIT_SECONDS 5

struct _CwaTestTlsServer
{
  CwaTestServerMode                mode;
  GSocket                         *listener;
  guint                            port;
  GCancellable                    *cancellable;
  GThread                         *thread;
  gnutls_certificate_credentials_t credentials;
  /* Connections a silent server holds open (GSocket). */
  GPtrArray                       *held;
  guint                            n_accepted;   /* atomic */
};

static void
check_gnutls (int          ret,
              const gchar *what)
{
  if (ret < 0)
    g_error ("Test TLS server: %s failed: %s", what, gnutls_strerror (ret));
}

static void
load_credentials (CwaTestTlsServer *server,
                  GPtrArray        *chain,
                  CwaTestKey        key)
{
  g_autofree gchar *key_path = cwa_test_key_dup_path (key);
  g_autofree gchar *key_pem = NULL;
  g_autoptr(GError) error = NULL;
  gnutls_x509_crt_t *certificates = g_new0 (gnutls_x509_crt_t, chain->len);
  gnutls_x509_privkey_t private_key = NULL;
  gnutls_datum_t datum;
  gsize length = 0;

  if (!g_file_get_contents (key_path, &key_pem, &length, &error))
    g_error ("Test TLS server: cannot read %s: %s", key_path, error->message);
  datum.data = (unsigned char *) key_pem;
  datum.size = (unsigned int) length;
  check_gnutls (gnutls_x509_privkey_init (&private_key), "gnutls_x509_privkey_init");
  check_gnutls (gnutls_x509_privkey_import (private_key, &datum, GNUTLS_X509_FMT_PEM), "key import");

  for (guint i = 0; i < chain->len; i++)
    {
      gsize size = 0;
      gconstpointer der = g_bytes_get_data (g_ptr_array_index (chain, i), &size);

      datum.data = (unsigned char *) der;
      datum.size = (unsigned int) size;
      check_gnutls (gnutls_x509_crt_init (&certificates[i]), "gnutls_x509_crt_init");
      check_gnutls (gnutls_x509_crt_import (certificates[i], &datum, GNUTLS_X509_FMT_DER), "certificate import");
    }

  check_gnutls (gnutls_certificate_allocate_credentials (&server->credentials), "credentials");
  check_gnutls (gnutls_certificate_set_x509_key (server->credentials, certificates, chain->len, private_key),
                "gnutls_certificate_set_x509_key");

  for (guint i = 0; i < chain->len; i++)
    gnutls_x509_crt_deinit (certificates[i]);
  g_free (certificates);
  gnutls_x509_privkey_deinit (private_key);
}

/* Serves the chain, then waits for the client to close (probe sends
 * nothing after the handshake) or for the wait to run out. */
static void
serve_tls (CwaTestTlsServer *server,
           GSocket          *connection)
{
  gnutls_session_t session;
  gchar buffer[256];
  int ret;

  check_gnutls (gnutls_init (&session, GNUTLS_SERVER), "gnutls_init");
  check_gnutls (gnutls_priority_set_direct (session, "NORMAL", NULL), "priority");
  check_gnutls (gnutls_credentials_set (session, GNUTLS_CRD_CERTIFICATE, server->credentials), "credentials");
  gnutls_transport_set_int (session, g_socket_get_fd (connection));
  gnutls_handshake_set_timeout (session, SERVER_WAIT_SECONDS * 1000);

  do
    ret = gnutls_handshake (session);
  while (ret < 0 && gnutls_error_is_fatal (ret) == 0);

  if (ret == GNUTLS_E_SUCCESS)
    {
      gnutls_record_set_timeout (session, SERVER_WAIT_SECONDS * 1000);
      while (gnutls_record_recv (session, buffer, sizeof buffer) > 0)
        ;
    }

  gnutls_deinit (session);
}

static void
serve_plain (GSocket *connection)
{
  static const gchar answer[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  gchar buffer[256];

  g_socket_send (connection, answer, sizeof answer - 1, NULL, NULL);
  while (g_socket_receive (connection, buffer, sizeof buffer, NULL, NULL) > 0)
    ;
}

static gpointer
server_thread (gpointer data)
{
  CwaTestTlsServer *server = data;

  for (;;)
    {
      g_autoptr(GSocket) connection = NULL;
      g_autoptr(GError) error = NULL;

      connection = g_socket_accept (server->listener, server->cancellable, &error);
      if (connection == NULL)
        break;

      g_atomic_int_inc (&server->n_accepted);
      g_socket_set_timeout (connection, SERVER_WAIT_SECONDS);
      switch (server->mode)
        {
        case CWA_TEST_SERVER_SILENT:
          g_ptr_array_add (server->held, g_steal_pointer (&connection));
          break;
        case CWA_TEST_SERVER_PLAIN:
          serve_plain (connection);
          break;
        case CWA_TEST_SERVER_TLS:
        default:
          serve_tls (server, connection);
          break;
        }
      if (connection != NULL)
        g_socket_close (connection, NULL);
    }

  return NULL;
}

CwaTestTlsServer *
cwa_test_tls_server_new (const gchar       *address,
                         guint              port,
                         CwaTestServerMode  mode,
                         GPtrArray         *chain,
                         CwaTestKey         key)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  CwaTestTlsServer *server;

  /* Loopback only, whatever a test asks for. */
  g_assert_nonnull (inet);
  g_assert_true (g_inet_address_get_is_loopback (inet));
  g_assert_true (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV4);

  server = g_new0 (CwaTestTlsServer, 1);
  server->mode = mode;
  server->cancellable = g_cancellable_new ();
  server->held = g_ptr_array_new_with_free_func (g_object_unref);
  if (mode == CWA_TEST_SERVER_TLS)
    {
      g_assert_nonnull (chain);
      load_credentials (server, chain, key);
    }

  server->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  socket_address = g_inet_socket_address_new (inet, port);
  g_socket_bind (server->listener, socket_address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_set_listen_backlog (server->listener, 64);
  g_socket_listen (server->listener, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (server->listener, &error);
  g_assert_no_error (error);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  server->thread = g_thread_new ("test-tls-server", server_thread, server);

  return server;
}

guint
cwa_test_tls_server_get_port (CwaTestTlsServer *server)
{
  return server->port;
}

guint
cwa_test_tls_server_get_n_accepted (CwaTestTlsServer *server)
{
  return (guint) g_atomic_int_get (&server->n_accepted);
}

void
cwa_test_tls_server_free (CwaTestTlsServer *server)
{
  if (server == NULL)
    return;

  g_cancellable_cancel (server->cancellable);
  g_thread_join (server->thread);
  g_socket_close (server->listener, NULL);
  g_object_unref (server->listener);
  g_object_unref (server->cancellable);
  g_ptr_array_unref (server->held);
  if (server->credentials != NULL)
    gnutls_certificate_free_credentials (server->credentials);
  g_free (server);
}

gboolean
cwa_test_only_loopback (gchar **why)
{
  struct if_nameindex *interfaces = if_nameindex ();
  g_autoptr(GString) others = g_string_new (NULL);

  if (interfaces == NULL)
    {
      *why = g_strdup ("the network interfaces cannot be listed");
      return FALSE;
    }

  for (struct if_nameindex *i = interfaces; i->if_index != 0 || i->if_name != NULL; i++)
    {
      if (g_strcmp0 (i->if_name, "lo") != 0)
        g_string_append_printf (others, "%s%s", others->len > 0 ? ", " : "", i->if_name);
    }
  if_freenameindex (interfaces);

  if (others->len == 0)
    {
      *why = NULL;
      return TRUE;
    }

  *why = g_strdup_printf ("interfaces other than loopback are present (%s)", others->str);
  return FALSE;
}
