/* cwa-probe.c: TLS handshakes with planned endpoints (GnuTLS over GIO sockets) on a pool of worker threads. */
#include "config.h"

#include <errno.h>
#include <gnutls/gnutls.h>
#include <string.h>

#include "cwa-probe.h"

struct _CwaProbe
{
  GObject        parent_instance;

  CwaConnectMap *connect_map;
  guint          timeout_ms;
  CwaAudience    view;
};

G_DEFINE_FINAL_TYPE (CwaProbe, cwa_probe, G_TYPE_OBJECT)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Any version and cipher suite an endpoint of CWA's era may offer: the
 * point is to see its certificate, not to protect a conversation (nothing
 * is sent after the handshake).  Tried in order; a GnuTLS built without one
 * of the old algorithms refuses the longer strings. */
static const gchar * const priorities[] = {
  "NORMAL:%COMPAT:+VERS-TLS1.1:+VERS-TLS1.0:+VERS-SSL3.0:+RSA:+3DES-CBC:+ARCFOUR-128:+SHA1:+MD5:+SIGN-ALL",
  "NORMAL:%COMPAT:+VERS-TLS1.1:+VERS-TLS1.0:+RSA:+3DES-CBC:+SHA1:+SIGN-ALL",
  "NORMAL:%COMPAT",
};

static void
cwa_probe_finalize (GObject *object)
{
  CwaProbe *self = (CwaProbe *) object;

  g_clear_pointer (&self->connect_map, cwa_connect_map_free);

  G_OBJECT_CLASS (cwa_probe_parent_class)->finalize (object);
}

static void
cwa_probe_class_init (CwaProbeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cwa_probe_finalize;

  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
cwa_probe_init (CwaProbe *self)
{
  self->connect_map = cwa_connect_map_new ();
  self->timeout_ms = CWA_PROBE_DEFAULT_TIMEOUT_MS;
  self->view = CWA_AUDIENCE_INTERNAL;
}

CwaProbe *
cwa_probe_new (void)
{
  return g_object_new (CWA_TYPE_PROBE, NULL);
}

CwaConnectMap *
cwa_probe_get_connect_map (CwaProbe *self)
{
  g_return_val_if_fail (CWA_IS_PROBE (self), NULL);

  return self->connect_map;
}

void
cwa_probe_set_timeout (CwaProbe *self,
                       guint     milliseconds)
{
  g_return_if_fail (CWA_IS_PROBE (self));
  g_return_if_fail (milliseconds > 0);

  self->timeout_ms = milliseconds;
}

guint
cwa_probe_get_timeout (CwaProbe *self)
{
  g_return_val_if_fail (CWA_IS_PROBE (self), 0);

  return self->timeout_ms;
}

void
cwa_probe_set_view (CwaProbe    *self,
                    CwaAudience  view)
{
  g_return_if_fail (CWA_IS_PROBE (self));

  self->view = view;
}

/* One connection: the socket, the time it must be done by, and why it
 * stopped when GnuTLS only says "pull error". */
typedef struct
{
  GSocket      *socket;
  gint64        deadline;   /* monotonic microseconds */
  GCancellable *cancellable;
  GError       *error;
} Connection;

/* Waits until @condition holds on the socket, the deadline passes (FALSE,
 * G_IO_ERROR_TIMED_OUT) or the run is cancelled. */
static gboolean
connection_wait (Connection    *connection,
                 GIOCondition   condition,
                 GError       **error)
{
  gint64 remaining = connection->deadline - g_get_monotonic_time ();

  if (remaining <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "timed out");
      return FALSE;
    }

  return g_socket_condition_timed_wait (connection->socket, condition, remaining,
                                        connection->cancellable, error);
}

static ssize_t
connection_pull (gnutls_transport_ptr_t  ptr,
                 void                   *data,
                 size_t                  size)
{
  Connection *connection = ptr;
  gssize received;

  g_clear_error (&connection->error);
  if (!connection_wait (connection, G_IO_IN, &connection->error))
    {
      errno = EIO;
      return -1;
    }

  received = g_socket_receive (connection->socket, data, size, connection->cancellable,
                               &connection->error);
  if (received < 0)
    {
      errno = EIO;
      return -1;
    }

  return received;
}

static ssize_t
connection_push (gnutls_transport_ptr_t  ptr,
                 const void             *data,
                 size_t                  size)
{
  Connection *connection = ptr;
  gsize sent = 0;

  /* The socket does not block: send it all before GnuTLS goes on. */
  g_clear_error (&connection->error);
  while (sent < size)
    {
      gssize n;

      if (!connection_wait (connection, G_IO_OUT, &connection->error))
        {
          errno = EIO;
          return -1;
        }
      n = g_socket_send (connection->socket, (const gchar *) data + sent, size - sent,
                         connection->cancellable, &connection->error);
      if (n < 0)
        {
          if (g_error_matches (connection->error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            {
              g_clear_error (&connection->error);
              continue;
            }
          errno = EIO;
          return -1;
        }
      sent += n;
    }

  return size;
}

/* GnuTLS asks whether data arrives within @ms; the deadline still rules. */
static int
connection_pull_timeout (gnutls_transport_ptr_t ptr,
                         unsigned int           ms)
{
  Connection *connection = ptr;
  gint64 remaining = connection->deadline - g_get_monotonic_time ();
  gint64 wait = ms == GNUTLS_INDEFINITE_TIMEOUT ? remaining : MIN (remaining, (gint64) ms * 1000);

  if (wait <= 0)
    return 0;

  if (g_socket_condition_timed_wait (connection->socket, G_IO_IN, wait,
                                     connection->cancellable, NULL))
    return 1;

  return g_cancellable_is_cancelled (connection->cancellable) ? -1 : 0;
}

static gboolean
set_priority (gnutls_session_t session)
{
  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    {
      if (gnutls_priority_set_direct (session, priorities[i], NULL) == GNUTLS_E_SUCCESS)
        return TRUE;
    }

  return FALSE;
}

static gchar *
dup_seconds (guint milliseconds)
{
  if (milliseconds % 1000 == 0)
    return g_strdup_printf ("%u s", milliseconds / 1000);

  return g_strdup_printf ("%.1f s", milliseconds / 1000.0);
}

/* Why the handshake failed, in words: the deadline, a cancellation, the
 * socket's own error, or GnuTLS's. */
static gchar *
dup_handshake_problem (CwaProbe   *self,
                       Connection *connection,
                       int         ret)
{
  g_autofree gchar *seconds = dup_seconds (self->timeout_ms);

  if (connection->error != NULL &&
      g_error_matches (connection->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_strdup_printf ("the connection was accepted but no TLS handshake completed within %s", seconds);
  if (connection->error != NULL &&
      g_error_matches (connection->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_strdup ("the check was cancelled");
  if (connection->error != NULL)
    return g_strdup_printf ("the connection failed during the TLS handshake (%s)", connection->error->message);

  return g_strdup_printf ("the TLS handshake failed (%s); is this a TLS service?", gnutls_strerror (ret));
}

/* Records the certificates the server sent, as parsed facts only. */
static void
add_peer_chain (CwaProbeResult   *result,
                gnutls_session_t  session)
{
  const gnutls_datum_t *peers;
  unsigned int n_peers = 0;
  g_autofree gchar *source = g_strdup_printf ("served by %s",
                                              cwa_endpoint_get_name (cwa_probe_result_get_endpoint (result)));

  peers = gnutls_certificate_get_peers (session, &n_peers);
  for (unsigned int i = 0; peers != NULL && i < n_peers; i++)
    {
      g_autoptr(GBytes) der = g_bytes_new (peers[i].data, peers[i].size);
      g_autoptr(CwaCertificate) certificate = NULL;
      g_autoptr(GError) error = NULL;

      certificate = cwa_certificate_new_from_der (der, source, i, &error);
      if (certificate == NULL)
        {
          g_autofree gchar *problem = g_strdup_printf ("certificate %u of the served chain cannot be read (%s)",
                                                       i + 1, error->message);

          cwa_probe_result_set_error (result, problem);
          return;
        }
      cwa_probe_result_add_served (result, certificate);
    }

  if (n_peers == 0)
    cwa_probe_result_set_error (result, "the TLS handshake completed without a certificate");
}

/* The TLS handshake on a connected socket: records the chain or why not. */
static void
handshake (CwaProbe       *self,
           CwaProbeResult *result,
           Connection     *connection)
{
  CwaEndpoint *endpoint = cwa_probe_result_get_endpoint (result);
  const gchar *server_name = cwa_endpoint_get_server_name (endpoint);
  gnutls_session_t session = NULL;
  gnutls_certificate_credentials_t credentials = NULL;
  int ret;

  if (gnutls_init (&session, GNUTLS_CLIENT) != GNUTLS_E_SUCCESS ||
      gnutls_certificate_allocate_credentials (&credentials) != GNUTLS_E_SUCCESS ||
      !set_priority (session) ||
      gnutls_credentials_set (session, GNUTLS_CRD_CERTIFICATE, credentials) != GNUTLS_E_SUCCESS)
    {
      cwa_probe_result_set_error (result, "GnuTLS could not prepare a TLS session");
      goto out;
    }

  /* No trust store and no verification function: nothing the server sends
   * is judged here; the live.* rules do that against the plan. */
  if (server_name != NULL && !g_hostname_is_ip_address (server_name))
    gnutls_server_name_set (session, GNUTLS_NAME_DNS, server_name, strlen (server_name));
  gnutls_transport_set_ptr (session, connection);
  gnutls_transport_set_push_function (session, connection_push);
  gnutls_transport_set_pull_function (session, connection_pull);
  gnutls_transport_set_pull_timeout_function (session, connection_pull_timeout);

  do
    ret = gnutls_handshake (session);
  while (ret < 0 && gnutls_error_is_fatal (ret) == 0 &&
         g_get_monotonic_time () < connection->deadline &&
         !g_cancellable_is_cancelled (connection->cancellable));

  if (ret < 0)
    {
      g_autofree gchar *problem = dup_handshake_problem (self, connection, ret);

      cwa_probe_result_set_error (result, problem);
      goto out;
    }

  add_peer_chain (result, session);

out:
  /* No close_notify either: the connection just ends. */
  if (session != NULL)
    gnutls_deinit (session);
  if (credentials != NULL)
    gnutls_certificate_free_credentials (credentials);
}

/* A TCP connection to @address:@port by the deadline. */
static GSocket *
connect_socket (const gchar  *address,
                guint         port,
                gint64        deadline,
                GCancellable *cancellable,
                GError      **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GError) local_error = NULL;
  Connection connection = { 0 };

  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s is not an IP address", address);
      return NULL;
    }

  socket_address = g_inet_socket_address_new (inet, port);
  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return NULL;
  g_socket_set_blocking (socket, FALSE);

  if (g_socket_connect (socket, socket_address, cancellable, &local_error))
    return g_steal_pointer (&socket);
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PENDING))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  connection.socket = socket;
  connection.deadline = deadline;
  connection.cancellable = cancellable;
  if (!connection_wait (&connection, G_IO_OUT, error) ||
      !g_socket_check_connect_result (socket, error))
    return NULL;

  return g_steal_pointer (&socket);
}

/* The addresses of @host: --resolve for @port first, then DNS.  NULL with
 * @error set when it does not resolve. */
static GStrv
resolve_host (CwaProbe     *self,
              const gchar  *host,
              guint         port,
              GCancellable *cancellable,
              GError      **error)
{
  g_autoptr(GResolver) resolver = NULL;
  GList *list;
  GStrvBuilder *builder;
  GStrv addresses;

  if (g_hostname_is_ip_address (host))
    return g_strdupv ((gchar *[]) { (gchar *) host, NULL });

  addresses = cwa_connect_map_lookup_resolve (self->connect_map, host, port);
  if (addresses != NULL)
    return addresses;

  /* GLib 2.74's threaded resolver leaks its error when it starts on a
   * cancelled cancellable; nothing is looked up after a cancel anyway. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  resolver = g_resolver_get_default ();
  list = g_resolver_lookup_by_name (resolver, host, cancellable, error);
  if (list == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (GList *l = list; l != NULL; l = l->next)
    {
      g_autofree gchar *text = g_inet_address_to_string (l->data);

      g_strv_builder_add (builder, text);
    }
  g_resolver_free_addresses (list);
  addresses = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return addresses;
}

/* Where to connect (cli.md): the --connect-to target, else the planned
 * address, else the name's addresses. */
static GStrv
find_addresses (CwaProbe       *self,
                CwaEndpoint    *endpoint,
                guint          *port,
                GCancellable   *cancellable,
                gchar         **problem)
{
  g_autofree gchar *connect_host = NULL;
  const gchar *host = cwa_endpoint_get_host (endpoint);
  g_autoptr(GError) error = NULL;
  GStrv addresses;

  *port = cwa_endpoint_get_port (endpoint);
  if (cwa_connect_map_lookup_connect_to (self->connect_map, host, *port, &connect_host, port))
    host = connect_host;
  else if (cwa_endpoint_get_planned_address (endpoint) != NULL)
    host = cwa_endpoint_get_planned_address (endpoint);

  addresses = resolve_host (self, host, *port, cancellable, &error);
  if (addresses == NULL || addresses[0] == NULL)
    {
      *problem = g_strdup_printf ("%s does not resolve (%s)", host,
                                  error != NULL ? error->message : "no address");
      g_clear_pointer (&addresses, g_strfreev);
    }

  return addresses;
}

static gchar *
dup_connect_problem (CwaProbe     *self,
                     const gchar  *address,
                     guint         port,
                     const GError *error)
{
  g_autofree gchar *seconds = dup_seconds (self->timeout_ms);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_strdup_printf ("no TCP connection to %s port %u within %s", address, port, seconds);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_strdup ("the check was cancelled");

  return g_strdup_printf ("no TCP connection to %s port %u (%s)", address, port, error->message);
}

/* Connects to the first address that answers and makes the handshake. */
static void
connect_and_handshake (CwaProbe       *self,
                       CwaProbeResult *result,
                       GCancellable   *cancellable)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) self->timeout_ms * 1000;
  g_auto(GStrv) addresses = NULL;
  g_autofree gchar *problem = NULL;
  guint port = 0;

  addresses = find_addresses (self, cwa_probe_result_get_endpoint (result), &port,
                              cancellable, &problem);
  for (guint i = 0; addresses != NULL && addresses[i] != NULL; i++)
    {
      g_autoptr(GSocket) socket = NULL;
      g_autoptr(GError) error = NULL;
      Connection connection = { 0 };

      cwa_probe_result_set_address (result, addresses[i]);
      socket = connect_socket (addresses[i], port, deadline, cancellable, &error);
      if (socket == NULL)
        {
          g_free (problem);
          problem = dup_connect_problem (self, addresses[i], port, error);
          if (g_get_monotonic_time () >= deadline || g_cancellable_is_cancelled (cancellable))
            break;
          continue;
        }

      connection.socket = socket;
      connection.deadline = deadline;
      connection.cancellable = cancellable;
      handshake (self, result, &connection);
      g_clear_error (&connection.error);
      g_socket_close (socket, NULL);
      return;
    }

  cwa_probe_result_set_error (result, problem);
}

/* Every DNS name of the endpoint: a --resolve entry on any port counts as
 * the name's address (cli.md), else the resolver here. */
static void
resolve_dns_names (CwaProbe       *self,
                   CwaProbeResult *result,
                   GCancellable   *cancellable)
{
  const gchar * const *names = cwa_endpoint_get_dns_names (cwa_probe_result_get_endpoint (result));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      GStrv addresses = resolve_host (self, names[i], 0, cancellable, &error);

      cwa_probe_result_add_dns (result, names[i], addresses,
                                addresses == NULL ? error->message : NULL);
    }
}

CwaProbeResult *
cwa_probe_endpoint (CwaProbe     *self,
                    CwaEndpoint  *endpoint,
                    GCancellable *cancellable)
{
  CwaProbeResult *result;

  g_return_val_if_fail (CWA_IS_PROBE (self), NULL);
  g_return_val_if_fail (CWA_IS_ENDPOINT (endpoint), NULL);

  result = cwa_probe_result_new (endpoint, self->view);
  connect_and_handshake (self, result, cancellable);
  resolve_dns_names (self, result, cancellable);

  return result;
}

/* ISO C: a function pointer is not a gpointer; an integer in between is. */
#define RUN_TAG ((gpointer) (guintptr) cwa_probe_run_async)

/* A run over many endpoints: the worker pool and what came back. */
typedef struct
{
  GPtrArray    *endpoints;   /* CwaEndpoint */
  GPtrArray    *results;     /* CwaProbeResult or NULL, index-aligned */
  guint         n_done;
  GThreadPool  *pool;
  GMainContext *context;
} RunData;

typedef struct
{
  GTask          *task;
  guint           index;
  CwaProbeResult *result;
} Job;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  if (run->pool != NULL)
    g_thread_pool_free (run->pool, TRUE, TRUE);
  g_ptr_array_unref (run->endpoints);
  g_ptr_array_unref (run->results);
  g_main_context_unref (run->context);
  g_free (run);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->result);
  g_object_unref (job->task);
  g_free (job);
}

/* In the caller's main context: one endpoint is done. */
static gboolean
job_done (gpointer data)
{
  Job *job = data;
  CwaProbe *self = g_task_get_source_object (job->task);
  RunData *run = g_task_get_task_data (job->task);

  g_ptr_array_index (run->results, job->index) = g_steal_pointer (&job->result);
  run->n_done++;
  g_signal_emit (self, signals[PROGRESS], 0, run->n_done, run->endpoints->len);

  if (run->n_done < run->endpoints->len)
    return G_SOURCE_REMOVE;

  if (g_task_return_error_if_cancelled (job->task))
    return G_SOURCE_REMOVE;

  g_task_return_pointer (job->task, g_ptr_array_ref (run->results),
                         (GDestroyNotify) g_ptr_array_unref);
  return G_SOURCE_REMOVE;
}

/* On a worker thread. */
static void
job_run (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  CwaProbe *self = g_task_get_source_object (job->task);
  RunData *run = g_task_get_task_data (job->task);
  CwaEndpoint *endpoint = g_ptr_array_index (run->endpoints, job->index);
  g_autoptr(GSource) source = NULL;

  job->result = cwa_probe_endpoint (self, endpoint, g_task_get_cancellable (job->task));

  /* Always through a source, never g_main_context_invoke(): that would run
   * job_done() on this thread whenever the caller's context is not being
   * iterated at this moment. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, job_done, job, job_free);
  g_source_set_static_name (source, "[cwa] probe endpoint done");
  g_source_attach (source, run->context);
}

void
cwa_probe_run_async (CwaProbe            *self,
                     GPtrArray           *endpoints,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RunData *run;

  g_return_if_fail (CWA_IS_PROBE (self));
  g_return_if_fail (endpoints != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, RUN_TAG);

  run = g_new0 (RunData, 1);
  run->endpoints = g_ptr_array_ref (endpoints);
  run->results = g_ptr_array_new_full (endpoints->len, g_object_unref);
  g_ptr_array_set_size (run->results, endpoints->len);
  run->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, run, run_data_free);

  if (endpoints->len == 0)
    {
      g_task_return_pointer (task, g_ptr_array_ref (run->results), (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  run->pool = g_thread_pool_new (job_run, NULL, MIN (endpoints->len, CWA_PROBE_MAX_PARALLEL),
                                 TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < endpoints->len; i++)
    {
      Job *job = g_new0 (Job, 1);

      job->task = g_object_ref (task);
      job->index = i;
      g_thread_pool_push (run->pool, job, NULL);
    }
}

GPtrArray *
cwa_probe_run_finish (CwaProbe      *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (CWA_IS_PROBE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
