/* cwa-certificate-choice.h: a drop-down choosing the certificate of one role (MTLS, SSL, listener...) or none. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-checklist.h"
#include "cwa-plan.h"

G_BEGIN_DECLS

/* Makes @dropdown offer "None" and then @plan's certificates that can fill
 * a role (NULL plan: nothing), following the plan's list.  CA certificates
 * (cwa_certificate_is_ca()) are left out, except the one last passed to
 * cwa_certificate_choice_select(), so the form always shows what is
 * assigned.  Each row shows the certificate's name and, below it, its
 * issuer, expiry date and the start of its SHA-256 fingerprint, which tell
 * apart certificates of the same name.  Binding again keeps the selection
 * state and replaces the model. */
void            cwa_certificate_choice_bind   (GtkDropDown    *dropdown,
                                               CwaPlan        *plan);
/* The checklist whose findings give each row its status icon, and whose
 * "now" says whether a certificate has expired (NULL: no icons, the
 * clock).  Keeps a reference. */
void            cwa_certificate_choice_set_checklist (GtkDropDown  *dropdown,
                                                      CwaChecklist *checklist);
/* Updates the status icons of the rows shown; call after every run of the
 * checklist. */
void            cwa_certificate_choice_refresh (GtkDropDown   *dropdown);
/* Selects @certificate, the one the model has assigned (NULL or not in
 * the plan: "None"); a CA certificate is then offered too. */
void            cwa_certificate_choice_select (GtkDropDown    *dropdown,
                                               CwaCertificate *certificate);
/* The chosen certificate (borrowed), or NULL for "None". */
CwaCertificate *cwa_certificate_choice_get    (GtkDropDown    *dropdown);

/* The second line of a certificate's row: "Contoso Issuing CA · expires
 * 2027-01-01 · SHA-256 3F:0A:9C…" (translated; "expired" before @now, a
 * Unix time in seconds).  Free with g_free(). */
gchar          *cwa_certificate_choice_dup_detail (CwaCertificate *certificate,
                                                   gint64          now);

G_END_DECLS
