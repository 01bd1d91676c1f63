/* cwa-fuzz.h: the entry point every fuzz target defines (libFuzzer's). */
#pragma once

#include <stddef.h>

#include <glib.h>

/* Feeds one input to the code under test; aborts on a wrong result.
 * Built with libFuzzer (-Dfuzzing=true, clang) or, in the ordinary test
 * suite, with run-inputs.c, which feeds it the seed corpus and the
 * inputs fuzzing found. */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);
