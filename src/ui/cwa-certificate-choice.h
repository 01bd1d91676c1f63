/* cwa-certificate-choice.h: a drop-down choosing one of a plan's certificates or none. */
#pragma once

#include <gtk/gtk.h>

#include "cwa-plan.h"

G_BEGIN_DECLS

/* Makes @dropdown offer "None" and then @plan's certificates (NULL plan:
 * nothing), each shown by its display name, following the plan's list. */
void            cwa_certificate_choice_bind   (GtkDropDown    *dropdown,
                                               CwaPlan        *plan);
/* Selects @certificate (NULL or not offered: "None"). */
void            cwa_certificate_choice_select (GtkDropDown    *dropdown,
                                               CwaCertificate *certificate);
/* The chosen certificate (borrowed), or NULL for "None". */
CwaCertificate *cwa_certificate_choice_get    (GtkDropDown    *dropdown);

G_END_DECLS
