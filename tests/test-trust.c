/* test-trust.c: chain building through plan CAs up to plan or public roots. */
#include "config.h"

#include "cwa-cert-loader.h"
#include "cwa-test-cert.h"
#include "cwa-trust.h"

typedef struct
{
  CwaCertificate *root;          /* fixtures: ECDSA root, RSA issuing CA, server */
  CwaCertificate *intermediate;
  CwaCertificate *leaf;
  CwaTrust       *trust;
} Fixture;

static CwaCertificate *
load_one (const gchar *name)
{
  g_autofree gchar *path = cwa_test_data_path ("fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = cwa_cert_loader_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return g_object_ref (g_ptr_array_index (certificates, 0));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->root = load_one ("root.pem");
  fixture->intermediate = load_one ("int.pem");
  fixture->leaf = load_one ("leaf.pem");
  fixture->trust = cwa_trust_new ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->trust);
  g_assert_finalize_object (fixture->leaf);
  g_assert_finalize_object (fixture->intermediate);
  g_assert_finalize_object (fixture->root);
}

static GPtrArray *
pool_of (CwaCertificate *first,
         ...)
{
  GPtrArray *pool = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (CwaCertificate *c = first; c != NULL; c = va_arg (args, CwaCertificate *))
    g_ptr_array_add (pool, g_object_ref (c));
  va_end (args);

  return pool;
}

static void
assert_chain (CwaChainResult *result,
              CwaCertificate *first,
              ...)
{
  va_list args;
  guint i = 0;

  va_start (args, first);
  for (CwaCertificate *c = first; c != NULL; c = va_arg (args, CwaCertificate *), i++)
    {
      g_assert_cmpuint (i, <, result->chain->len);
      g_assert_true (cwa_certificate_equal (g_ptr_array_index (result->chain, i), c));
    }
  va_end (args);

  g_assert_cmpuint (result->chain->len, ==, i);
}

static void
test_plan_root (Fixture       *fixture,
                gconstpointer  data)
{
  /* Pool order must not matter: the leaf comes last here. */
  g_autoptr(GPtrArray) pool = pool_of (fixture->root, fixture->intermediate, fixture->leaf, NULL);
  g_autoptr(CwaChainResult) result = cwa_trust_verify (fixture->trust, fixture->leaf, pool);

  g_assert_true (result->trusted);
  g_assert_false (result->public_root);
  g_assert_null (result->problem);
  assert_chain (result, fixture->leaf, fixture->intermediate, fixture->root, NULL);
}

static void
test_missing_intermediate (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) pool = pool_of (fixture->leaf, fixture->root, NULL);
  g_autoptr(CwaChainResult) result = cwa_trust_verify (fixture->trust, fixture->leaf, pool);

  g_assert_false (result->trusted);
  g_assert_false (result->public_root);
  assert_chain (result, fixture->leaf, NULL);
  g_assert_cmpstr (result->problem, ==,
                   "No issuer certificate for “CN=Contoso Issuing CA,O=Contoso,C=US” was found; "
                   "add it to the plan.");
}

static void
test_public_root (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) pool = pool_of (fixture->leaf, fixture->intermediate, NULL);
  g_autoptr(CwaChainResult) before = NULL;
  g_autoptr(CwaChainResult) after = NULL;

  before = cwa_trust_verify (fixture->trust, fixture->leaf, pool);
  g_assert_false (before->trusted);
  g_assert_nonnull (strstr (before->problem, "Contoso Root CA"));
  assert_chain (before, fixture->leaf, fixture->intermediate, NULL);

  cwa_trust_add_public_root (fixture->trust, fixture->root);
  g_assert_cmpuint (cwa_trust_get_n_public_roots (fixture->trust), ==, 1);
  after = cwa_trust_verify (fixture->trust, fixture->leaf, pool);
  g_assert_true (after->trusted);
  g_assert_true (after->public_root);
  g_assert_null (after->problem);
  /* The public root is part of the chain although the plan lacks it. */
  assert_chain (after, fixture->leaf, fixture->intermediate, fixture->root, NULL);
}

static void
test_public_root_also_in_plan (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) pool = pool_of (fixture->leaf, fixture->intermediate, fixture->root, NULL);
  g_autoptr(CwaChainResult) result = NULL;

  cwa_trust_add_public_root (fixture->trust, fixture->root);
  result = cwa_trust_verify (fixture->trust, fixture->leaf, pool);
  g_assert_true (result->trusted);
  g_assert_true (result->public_root);
}

static void
test_public_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree gchar *path = cwa_test_data_path ("fixtures", "bundle-text.pem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree gchar *missing_path = cwa_test_data_path ("fixtures", "missing.pem", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pool = pool_of (fixture->leaf, NULL);
  g_autoptr(CwaChainResult) result = NULL;

  g_assert_true (cwa_trust_add_public_file (fixture->trust, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cwa_trust_get_n_public_roots (fixture->trust), ==, 3);
  /* The same roots again change nothing. */
  g_assert_true (cwa_trust_add_public_file (fixture->trust, file, &error));
  cwa_trust_add_public_root (fixture->trust, fixture->root);
  g_assert_cmpuint (cwa_trust_get_n_public_roots (fixture->trust), ==, 3);

  g_assert_false (cwa_trust_add_public_file (fixture->trust, missing, &error));
  g_assert_error (error, CWA_LOAD_ERROR, CWA_LOAD_ERROR_IO);

  /* Every certificate of a --public-ca bundle is an anchor: the chain
   * stops at the first one reached. */
  result = cwa_trust_verify (fixture->trust, fixture->leaf, pool);
  g_assert_true (result->trusted);
  g_assert_true (result->public_root);
}

static void
test_self_signed_server (Fixture       *fixture,
                         gconstpointer  data)
{
  CwaTestCertSpec spec;
  g_autoptr(CwaCertificate) server = NULL;
  g_autoptr(GPtrArray) pool = NULL;
  g_autoptr(CwaChainResult) result = NULL;

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com,O=Contoso");
  server = cwa_test_cert_build (&spec);
  pool = pool_of (server, fixture->root, NULL);

  result = cwa_trust_verify (fixture->trust, server, pool);
  g_assert_false (result->trusted);
  assert_chain (result, server, NULL);
  g_assert_nonnull (strstr (result->problem, "self-signed"));
  g_assert_nonnull (strstr (result->problem, "CN=im.contoso.com,O=Contoso"));

  g_clear_pointer (&result, cwa_chain_result_free);
  g_clear_pointer (&pool, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&server));
}

static void
test_root_itself (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) pool = pool_of (fixture->root, NULL);
  g_autoptr(CwaChainResult) result = cwa_trust_verify (fixture->trust, fixture->root, pool);

  g_assert_true (result->trusted);
  g_assert_false (result->public_root);
  assert_chain (result, fixture->root, NULL);
}

/* Expiry and SHA-1 have their own rules: the chain is still trusted. */
static void
test_expired_sha1_chain (Fixture       *fixture,
                         gconstpointer  data)
{
  CwaTestCertSpec ca_spec, spec;
  g_autoptr(CwaTestIssuer) ca = NULL;
  g_autoptr(CwaCertificate) server = NULL;
  g_autoptr(GPtrArray) pool = NULL;
  g_autoptr(CwaChainResult) result = NULL;

  cwa_test_cert_spec_init (&ca_spec, "CN=Old Contoso CA,O=Contoso");
  ca_spec.is_ca = TRUE;
  ca_spec.digest = GNUTLS_DIG_SHA1;
  ca_spec.not_before = G_GINT64_CONSTANT (1104537600);  /* 2005 */
  ca_spec.not_after = G_GINT64_CONSTANT (1262304000);   /* 2010 */
  ca = cwa_test_issuer_new (&ca_spec);

  cwa_test_cert_spec_init (&spec, "CN=old.contoso.com");
  spec.issuer = ca;
  spec.digest = GNUTLS_DIG_MD5;
  spec.not_before = G_GINT64_CONSTANT (1136073600);  /* 2006 */
  spec.not_after = G_GINT64_CONSTANT (1167609600);   /* 2007 */
  server = cwa_test_cert_build (&spec);
  pool = pool_of (server, cwa_test_issuer_get_certificate (ca), NULL);

  result = cwa_trust_verify (fixture->trust, server, pool);
  g_assert_true (result->trusted);
  g_assert_null (result->problem);
  assert_chain (result, server, cwa_test_issuer_get_certificate (ca), NULL);

  g_clear_pointer (&result, cwa_chain_result_free);
  g_clear_pointer (&pool, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&server));
}

/* A CA certificate of the right name but another key (a re-keyed CA,
 * or a look-alike) does not complete the chain. */
static void
test_wrong_key_issuer (Fixture       *fixture,
                       gconstpointer  data)
{
  CwaTestCertSpec ca_spec, spec;
  g_autoptr(CwaTestIssuer) real = NULL;
  g_autoptr(CwaTestIssuer) impostor = NULL;
  g_autoptr(CwaCertificate) server = NULL;
  g_autoptr(GPtrArray) pool = NULL;
  g_autoptr(CwaChainResult) result = NULL;

  cwa_test_cert_spec_init (&ca_spec, "CN=Contoso Issuing CA,O=Contoso");
  ca_spec.is_ca = TRUE;
  ca_spec.key = CWA_TEST_KEY_EC256;
  real = cwa_test_issuer_new (&ca_spec);
  ca_spec.key = CWA_TEST_KEY_EC384;
  impostor = cwa_test_issuer_new (&ca_spec);

  cwa_test_cert_spec_init (&spec, "CN=im.contoso.com");
  spec.issuer = real;
  server = cwa_test_cert_build (&spec);
  pool = pool_of (server, cwa_test_issuer_get_certificate (impostor), NULL);

  result = cwa_trust_verify (fixture->trust, server, pool);
  g_assert_false (result->trusted);
  assert_chain (result, server, NULL);
  g_assert_nonnull (result->problem);
  g_assert_nonnull (strstr (result->problem, "CN=Contoso Issuing CA,O=Contoso"));
  g_test_message ("%s", result->problem);

  g_clear_pointer (&result, cwa_chain_result_free);
  g_clear_pointer (&pool, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&server));
}

static void
test_system (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!cwa_trust_add_system (fixture->trust, &error))
    {
      g_test_skip (error->message);
      return;
    }
  if (cwa_trust_get_n_public_roots (fixture->trust) == 0)
    {
      g_test_skip ("The system trust store is empty (ca-certificates not installed).");
      return;
    }

  /* The system's roots are not Contoso's. */
  {
    g_autoptr(GPtrArray) pool = pool_of (fixture->leaf, fixture->intermediate, NULL);
    g_autoptr(CwaChainResult) result = cwa_trust_verify (fixture->trust, fixture->leaf, pool);

    g_assert_false (result->trusted);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cwa/trust/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("plan-root", test_plan_root);
  ADD ("missing-intermediate", test_missing_intermediate);
  ADD ("public-root", test_public_root);
  ADD ("public-root-also-in-plan", test_public_root_also_in_plan);
  ADD ("public-file", test_public_file);
  ADD ("self-signed-server", test_self_signed_server);
  ADD ("root-itself", test_root_itself);
  ADD ("expired-sha1-chain", test_expired_sha1_chain);
  ADD ("wrong-key-issuer", test_wrong_key_issuer);
  ADD ("system", test_system);

#undef ADD

  return g_test_run ();
}
