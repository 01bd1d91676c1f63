/* cwa-topology-picture.h: the deployment drawn as a picture (computers, virtual servers, certificates, status) with cairo. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cwa-checklist.h"

G_BEGIN_DECLS

/* The picture's size in cairo units (pixels of a PNG at scale 1, points of
 * an SVG or PDF).  @checklist must have run; it is only read. */
void     cwa_topology_picture_get_size   (CwaPlan       *plan,
                                          CwaChecklist  *checklist,
                                          double        *width,
                                          double        *height);
/* Draws the picture at (0, 0) in @cr's user space. */
void     cwa_topology_picture_draw       (cairo_t       *cr,
                                          CwaPlan       *plan,
                                          CwaChecklist  *checklist);
/* Where the box or card of @subject (a computer, virtual server, load
 * balancer or publishing rule) is drawn: @bounds receives x, y, width and
 * height in the picture's units.  FALSE if it is not drawn. */
gboolean cwa_topology_picture_locate     (CwaPlan       *plan,
                                          CwaChecklist  *checklist,
                                          gpointer       subject,
                                          double         bounds[4]);
/* The picture as PNG bytes (@scale 2 for a sharp picture on HiDPI), or as
 * an SVG document. */
GBytes  *cwa_topology_picture_to_png     (CwaPlan       *plan,
                                          CwaChecklist  *checklist,
                                          double         scale,
                                          GError       **error);
GBytes  *cwa_topology_picture_to_svg     (CwaPlan       *plan,
                                          CwaChecklist  *checklist,
                                          GError       **error);
/* The SVG as an element for an HTML5 page: no XML declaration and no
 * namespace attributes (HTML5 does not need them), so the page refers to
 * nothing outside itself.  @label is its accessible name. */
gchar   *cwa_topology_picture_dup_inline_svg (CwaPlan      *plan,
                                              CwaChecklist *checklist,
                                              const gchar  *label,
                                              GError      **error);
/* Writes PNG or SVG, chosen by @file's extension (".svg" is SVG, anything
 * else PNG), replacing the file atomically. */
gboolean cwa_topology_picture_write_file (CwaPlan       *plan,
                                          CwaChecklist  *checklist,
                                          GFile         *file,
                                          GError       **error);

G_END_DECLS
