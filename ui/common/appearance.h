// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * How the window looks in a lecture room: the application font (at least 11 pt, a CJK family for
 * Chinese) and the presentation zoom that scales every font, plot text and line together.
 */
#include <QLocale>

class QWidget;

namespace logitlab::ui {

/** The presentation zoom range and step (View > Zoom in / out, Ctrl+= / Ctrl+-). */
inline constexpr double minZoom = 1.0, maxZoom = 3.0, zoomStep = 0.25;

/**
 * Sets the application font for \a locale: the platform's font at least 11 pt (readable when
 * projected), with a CJK family first for Chinese (Debian: fonts-noto-cjk), times zoom().
 * Call once in main() before any window exists; setZoom() re-applies it.
 */
void applyClassroomFont(const QLocale &locale);

/**
 * Gives \a widget a fixed height of \a lines text lines of its font plus \a extraPixels, now and
 * again whenever its font changes (zoom), so an input keeps showing the same number of lines.
 */
void fixHeightInLines(QWidget *widget, int lines, int extraPixels);

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

/**
 * High contrast for washed-out projectors: black text on white, darker grid, lines 1.5x as wide.
 * The series colours stay the colour-blind-safe Okabe-Ito set (seriesColor). Re-applies the
 * palette and font so every plot restyles.
 */
void setHighContrast(bool on);
bool highContrast();

/** The factor plot lines and marks are drawn with: zoom, times 1.5 in high contrast. */
double lineScale();

} // namespace logitlab::ui
