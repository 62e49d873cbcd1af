// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The temperature axis drawn under the Softmax lab's scale slider: T = 1/scale at the slider's
 * decades (100, 10, 1, 0.1, 0.01, aligned with the handle), and a labelled mark where each
 * format's naive softmax breaks as T falls. Clicking the axis moves the slider there.
 */
#include <QList>
#include <QString>
#include <QWidget>

class QSlider;

namespace logitlab::ui {

/** \brief A temperature axis aligned with a horizontal scale slider, with break marks. */
class TemperatureAxis : public QWidget {
    Q_OBJECT
public:
    /** \brief A mark: naive softmax breaks (NaN) for every T below it, i.e. right of it on the slider. */
    struct Mark {
        QString label; ///< drawn beside the mark, e.g. "float16: NaN for T < 90.4"
        double step = 0; ///< where, as a fractional slider step (-100 log10 T)
        bool current = false; ///< the page's format: drawn in red, the broken side shaded
    };

    explicit TemperatureAxis(QSlider *slider, QWidget *parent = nullptr);

    /** Shows \a marks; one past an end of the slider is drawn at that end, dashed. */
    void setMarks(const QList<Mark> &marks);
    const QList<Mark> &marks() const { return m_marks; }

    /** The x (in this widget) of the slider handle's centre at fractional step \a step. */
    double xOfStep(double step) const;
    /** Where mark \a i's label is drawn; for tests. */
    QRect labelRect(int i) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    /**
     * The labels placed in rows so that none overlaps another, from the slider's geometry now
     * (computed when painting, so a slider that moved or a zoom never leaves them stale); per
     * mark. \a rows gets the number of rows.
     */
    QList<QRect> layoutLabels(int *rows = nullptr) const;
    /** Sets the height for the rows the labels need now. */
    void updateHeight();
    /** Where \a m is drawn: its step, or the slider's end it lies beyond. */
    double drawnStep(const Mark &m) const;
    int rowHeight() const;
    int ticksHeight() const;

    QSlider *m_slider;
    QList<Mark> m_marks;
    int m_rows = 0;
};

} // namespace logitlab::ui
