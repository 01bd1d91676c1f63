/* cwa-test-pdf.h: the text of a PDF report, by pdftotext, for tests that check what a report says. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text of the PDF @pdf by pdftotext (poppler-utils), in reading order
 * or (@layout) with each line of the page kept as one line of text,
 * columns apart; NULL when pdftotext is not installed.  A PDF pdftotext
 * cannot read fails the test.  Free with g_free(). */
gchar *cwa_test_pdf_to_text (GBytes      *pdf,
                             gboolean     layout);
/* @text without white space and hyphens: names hold no spaces, but a PDF
 * line may break inside a long one, and pdftotext joins a line that ends
 * in "-" to the next without the "-"; compare both sides so.  Free with
 * g_free(). */
gchar *cwa_test_strip_space (const gchar *text);

G_END_DECLS
