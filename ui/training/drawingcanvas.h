// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * A canvas to draw a digit with the mouse. Its pixels() are prepared as MNIST's were: the ink's
 * bounding box scaled to fit 20x20 (keeping its aspect), centred by its centre of mass in a
 * 28x28 image, values in [0, 1].
 */
#include <QImage>
#include <QWidget>

#include <vector>

namespace logitlab::ui {

/** \brief A square drawing surface that yields a 28x28 MNIST-style image. */
class DrawingCanvas : public QWidget {
    Q_OBJECT
public:
    explicit DrawingCanvas(QWidget *parent = nullptr);

    /** 784 values in [0, 1], row-major; all zero when nothing is drawn. */
    std::vector<float> pixels() const;
    bool isEmpty() const { return m_empty; }
    QSize sizeHint() const override { return {280, 280}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int w) const override { return w; }

public Q_SLOTS:
    void clear();
    /** Draws a stroke through \a points given in [0, 1]^2 (tests and demos). */
    void drawStroke(const QList<QPointF> &points);

Q_SIGNALS:
    /** The drawing changed (emitted while drawing and on release). */
    void changed();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QPointF toImage(const QPointF &widgetPos) const;
    void line(const QPointF &from, const QPointF &to);

    QImage m_image; // 280x280 grayscale, white ink on black
    QPointF m_last;
    bool m_drawing = false;
    bool m_empty = true;
};

} // namespace logitlab::ui
