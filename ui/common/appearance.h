#pragma once
/** \file
 * How the window looks in a lecture room: the application font (at least 11 pt, a CJK family for
 * Chinese) and the presentation zoom that scales every font, plot text and line together.
 */
#include <QLocale>

namespace logitlab::ui {

/** The presentation zoom range and step (View > Zoom in / out, Ctrl+= / Ctrl+-). */
inline constexpr double minZoom = 1.0, maxZoom = 3.0, zoomStep = 0.25;

/**
 * Sets the application font for \a locale: the platform's font at least 11 pt (readable when
 * projected), with a CJK family first for Chinese (Debian: fonts-noto-cjk), times zoom().
 * Call once in main() before any window exists; setZoom() re-applies it.
 */
void applyClassroomFont(const QLocale &locale);

/** The current presentation zoom (1 = 100 %). */
double zoom();

/**
 * Sets the zoom (clamped to [minZoom, maxZoom], rounded to a zoomStep) and re-applies the font:
 * every widget gets a FontChange and the plots restyle themselves (PlotPanel). Returns the zoom set.
 */
double setZoom(double factor);

/** \a pixels scaled by the zoom, for sizes that are not text (line widths, marks, minimum heights). */
int zoomed(int pixels);
double zoomed(double pixels);

} // namespace logitlab::ui
