/* cwa-topology-picture-private.h: the drawing pieces the topology picture's layout places: panels, text, badges, boxes and cards. */
#pragma once

#include <cairo.h>

#include "cwa-checklist.h"

G_BEGIN_DECLS

/* One computer column; load balancers span whole columns. */
#define PICTURE_BOX_WIDTH  320.0
#define PICTURE_FONT       "Sans"

typedef struct
{
  double r, g, b;
} CwaPictureRgb;

typedef struct
{
  double x, y, width, height;
} CwaPictureRect;

extern const CwaPictureRgb cwa_picture_ink;
extern const CwaPictureRgb cwa_picture_muted;
extern const CwaPictureRgb cwa_picture_paper;
extern const CwaPictureRgb cwa_picture_accent;
extern const CwaPictureRgb cwa_picture_error;
extern const CwaPictureRgb cwa_picture_ok;

/* Where each drawn subject (computer, virtual server, load balancer,
 * publishing rule) landed, for the lines drawn after the boxes: a
 * GHashTable of subject -> CwaPictureRect (owned). */
void   _cwa_picture_note      (GHashTable   *where,
                               gpointer      subject,
                               double        x,
                               double        y,
                               double        width,
                               double        height);

void   _cwa_picture_show_text (cairo_t             *cr,
                               const gchar         *text,
                               double               x,
                               double               y,
                               double               width,
                               const gchar         *font,
                               const CwaPictureRgb *color);

/* Heights and drawing of the five kinds of boxes; @where (may be NULL)
 * receives where each subject was drawn. */
double _cwa_picture_computer_height (CwaChecklist *checklist,
                                     CwaServer    *server);
void   _cwa_picture_draw_computer   (cairo_t      *cr,
                                     CwaChecklist *checklist,
                                     CwaServer    *server,
                                     double        x,
                                     double        y,
                                     double        height,
                                     GHashTable   *where);
double _cwa_picture_balancer_height (CwaChecklist    *checklist,
                                     CwaLoadBalancer *lb);
void   _cwa_picture_draw_balancer   (cairo_t         *cr,
                                     CwaChecklist    *checklist,
                                     CwaLoadBalancer *lb,
                                     double           x,
                                     double           y,
                                     double           width,
                                     double           height,
                                     GHashTable      *where);
double _cwa_picture_proxy_height    (CwaChecklist    *checklist,
                                     CwaReverseProxy *proxy);
void   _cwa_picture_draw_proxy      (cairo_t         *cr,
                                     CwaChecklist    *checklist,
                                     CwaReverseProxy *proxy,
                                     double           x,
                                     double           y,
                                     double           height,
                                     GHashTable      *where);

G_END_DECLS
