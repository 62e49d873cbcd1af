// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * One QCustomPlot with what every plot of the labs needs: a title bar with export (PNG at 2x,
 * SVG, PDF, CSV) and copy buttons, the same actions on right click, zoom and drag, a hover
 * readout with the exact value of the nearest point, shaded regions and marker lines.
 */
#include "precision/format.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

class QCustomPlot;
class QCPAbstractItem;
class QCPItemText;
class QCPLayoutGrid;
class QLabel;
class QMenu;
class QMouseEvent;

namespace logitlab::ui {

class ElidedLabel;

/** \brief What a plot can be exported as. */
enum class ExportKind { Png, Svg, Pdf, Csv };

/** \brief A titled QCustomPlot with export, copy, hover readout and annotations. */
class PlotPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlotPanel(const QString &title, QWidget *parent = nullptr);

    QCustomPlot *plot() const { return m_plot; }
    QString title() const;
    void setTitle(const QString &title);

    /**
     * Writes the plot (or its data) to \a path atomically (QSaveFile): on failure nothing is left
     * behind and \a error (if given) holds a translated reason. Size: the widget's, at least 800x500.
     */
    bool exportTo(const QString &path, ExportKind kind, QString *error = nullptr) const;

    /** Every plotted point as CSV: series,x,y,z (z only for colour maps), full precision. */
    QString csvText() const;

    /** A file name made from the title, e.g. "max-ulp-error-vs-size-of-the-logits.png". */
    QString suggestedFileName(ExportKind kind) const;

    /** The kind for a file name's suffix (png, svg, pdf, csv); Png if unknown. */
    static ExportKind kindForPath(const QString &path);

    /** Shades x in [x0, x1] over the full height, with \a label written inside. */
    void addRegion(double x0, double x1, const QColor &color, const QString &label);
    /**
     * A vertical marker line at \a x with a label near its top, written to the right of the line
     * (\a side Qt::AlignLeft) or to its left (Qt::AlignRight, for lines near the right edge).
     */
    void addVerticalLine(double x, const QColor &color, const QString &label, Qt::Alignment side = Qt::AlignLeft);
    /** Removes all regions and lines added above. */
    void clearAnnotations();

    /**
     * Moves the legend out of the axis rect into a row under the plot, \a columns entries per
     * line, so it never hides a curve or a label. Returns that row (the legend is its element
     * (0, 0)), where a caller may add a note under the legend.
     */
    QCPLayoutGrid *setLegendBelow(int columns);
    /** Below this a plot is not readable from the back of a room: pages scroll instead. */
    static constexpr int defaultMinimumPlotHeight = 220;
    /** The plot's minimum height (defaultMinimumPlotHeight unless set). */
    void setMinimumPlotHeight(int height);

    /** Restyles fonts, lines and minimum size for the current zoom and contrast (appearance.h). */
    void applyAppearance();

    /** The format the plotted values were computed in: the readout shows its shortest digits. */
    void setValueFormat(Format f) { m_valueFormat = f; }
    Format valueFormat() const { return m_valueFormat; }

    /** The hover readout: the point or position under the mouse, or a hint before the first move. */
    QString readout() const;

public Q_SLOTS:
    /** Asks for a file name and exports; errors are shown in a message box. */
    void exportInteractively();
    void copyToClipboard();
    /** Fits the axes to the data again (after the user zoomed or dragged). */
    void resetView();

Q_SIGNALS:
    void readoutChanged(const QString &text);
    /** Reported after exportInteractively() wrote a file, or failed. */
    void exported(const QString &path, bool ok);
    /** The user double-clicked the plot: show it alone, filling the window. */
    void focusRequested(logitlab::ui::PlotPanel *panel);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /** Wraps a legend row (setLegendBelow) to as many columns as fit the plot's width. */
    void fitLegendColumns();
    /** The font of annotation labels. */
    QFont annotationFont() const;
    /** Puts \a text at plot x \a x and label row \a row (counted in text lines from the top). */
    void placeLabel(QCPItemText *text, double x, int row);
    void onMouseMove(QMouseEvent *event);
    void showContextMenu(const QPoint &pos);
    void populateMenu(QMenu *menu);
    /** A save dialog in the last export folder with the suggested name; empty if cancelled. */
    QString askExportPath(ExportKind kind, const QString &filter);
    static QString &lastExportDirectory();

    ElidedLabel *m_title = nullptr;
    QLabel *m_readout = nullptr;
    QCustomPlot *m_plot = nullptr;
    QList<QCPAbstractItem *> m_annotations;
    QCPItemText *m_labelTop = nullptr; ///< hidden anchor at the top of the axis rect for labels
    int m_legendColumns = 0; ///< the most legend columns asked for (0: legend not below)
    int m_minimumPlotHeight = defaultMinimumPlotHeight; ///< at zoom 1
    Format m_valueFormat = Format::Float64; ///< see setValueFormat()
};

/** A plotted value in the shortest digits of \a f if it is a value of \a f, else of float64. */
QString plotValueText(double v, Format f);

/** Applies the labs' readable fonts, legend and interactions to a new \a plot. */
void stylePlot(QCustomPlot *plot);
/** Follows the zoom and contrast: fonts (from their size at zoom 1), colours, axis pens. */
void restylePlot(QCustomPlot *plot);

/** The colours used for the methods across all plots (colour-blind safe, Okabe-Ito). */
QColor seriesColor(int index);

} // namespace logitlab::ui
