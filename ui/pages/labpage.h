// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * What the main window needs from every lab page: the shared format, its plots for export,
 * persistence of its inputs, and whether background work is still running.
 */
#include "precision/format.h"

#include <QList>

class QLabel;
#include <QWidget>

namespace logitlab::ui {

class ListInput;
class PlotPanel;

/** \brief Base of the Softmax, Losses and Rounding pages. */
class LabPage : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    /** The format every page computes in; the page recomputes. */
    virtual void setFormat(Format f) = 0;
    virtual Format format() const = 0;
    /** The plots of the page, the first being the one File > Export writes. */
    virtual QList<PlotPanel *> plots() const = 0;
    /** The widgets that show the page's results (tables, values): what a lesson's question can hide. */
    virtual QList<QWidget *> resultViews() const = 0;
    virtual void saveSettings() const = 0;
    virtual void restoreSettings() = 0;
    /** True while a background computation of the page is running. */
    virtual bool isBusy() const = 0;

protected:
    /**
     * Fills the page with a frameless, resizable scroll area and returns its content widget,
     * at least \a minimumHeight tall: on a short screen the page scrolls instead of squeezing
     * its plots.
     */
    QWidget *makeScrollingContent(int minimumHeight);

    /** A refused paste into \a input (no text, too long) is said in \a message and the status bar. */
    void showPasteRefusals(ListInput *input, QLabel *message);

Q_SIGNALS:
    /** A short message for the status bar. */
    void statusMessage(const QString &text);
    /** Progress of background work in percent; -1 when idle. */
    void progressChanged(int percent);
};

} // namespace logitlab::ui
