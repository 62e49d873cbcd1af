// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/drawingcanvas.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace logitlab::ui {

namespace {
constexpr int canvasSize = 280;
}

DrawingCanvas::DrawingCanvas(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(140, 140);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setCursor(Qt::CrossCursor);
    setToolTip(tr("Draw a digit with the mouse"));
    clear();
}

void DrawingCanvas::clear()
{
    m_image = QImage(canvasSize, canvasSize, QImage::Format_Grayscale8);
    m_image.fill(Qt::black);
    m_empty = true;
    update();
    Q_EMIT changed();
}

QPointF DrawingCanvas::toImage(const QPointF &p) const
{
    const double side = std::min(width(), height());
    return {p.x() / side * canvasSize, p.y() / side * canvasSize};
}

void DrawingCanvas::line(const QPointF &from, const QPointF &to)
{
    QPainter painter(&m_image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, 22, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawLine(from, to);
    m_empty = false;
    update();
}

void DrawingCanvas::drawStroke(const QList<QPointF> &points)
{
    for (qsizetype i = 1; i < points.size(); ++i)
        line(points[i - 1] * canvasSize, points[i] * canvasSize);
    if (points.size() == 1)
        line(points[0] * canvasSize, points[0] * canvasSize);
    Q_EMIT changed();
}

void DrawingCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const int side = std::min(width(), height());
    p.fillRect(rect(), palette().window());
    p.drawImage(QRect(0, 0, side, side), m_image);
    p.setPen(QPen(Qt::gray, 1, Qt::DashLine));
    p.drawRect(QRect(0, 0, side - 1, side - 1));
    if (m_empty) {
        p.setPen(Qt::lightGray);
        p.drawText(QRect(0, 0, side, side), Qt::AlignCenter, tr("draw a digit here"));
    }
}

void DrawingCanvas::mousePressEvent(QMouseEvent *e)
{
    if (e->button() == Qt::RightButton) {
        clear();
        return;
    }
    m_drawing = true;
    m_last = toImage(e->position());
    line(m_last, m_last);
}

void DrawingCanvas::mouseMoveEvent(QMouseEvent *e)
{
    if (!m_drawing)
        return;
    const QPointF p = toImage(e->position());
    line(m_last, p);
    m_last = p;
    Q_EMIT changed();
}

void DrawingCanvas::mouseReleaseEvent(QMouseEvent *)
{
    if (m_drawing)
        Q_EMIT changed();
    m_drawing = false;
}

std::vector<float> DrawingCanvas::pixels() const
{
    std::vector<float> out(28 * 28, 0.0f);
    // Bounding box of the ink.
    int x0 = canvasSize, y0 = canvasSize, x1 = -1, y1 = -1;
    for (int y = 0; y < canvasSize; ++y) {
        const uchar *row = m_image.constScanLine(y);
        for (int x = 0; x < canvasSize; ++x)
            if (row[x] > 0) {
                x0 = std::min(x0, x);
                x1 = std::max(x1, x);
                y0 = std::min(y0, y);
                y1 = std::max(y1, y);
            }
    }
    if (x1 < 0)
        return out;
    // Scale the box to fit 20x20, then place it so its centre of mass is at (14, 14).
    const int w = x1 - x0 + 1, h = y1 - y0 + 1;
    const double scale = 20.0 / std::max(w, h);
    const int sw = std::max(1, int(std::lround(w * scale))), sh = std::max(1, int(std::lround(h * scale)));
    const QImage small = m_image.copy(x0, y0, w, h).scaled(sw, sh, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    double mass = 0, cx = 0, cy = 0;
    for (int y = 0; y < sh; ++y)
        for (int x = 0; x < sw; ++x) {
            const double v = small.constScanLine(y)[x] / 255.0;
            mass += v;
            cx += v * x;
            cy += v * y;
        }
    if (mass <= 0)
        return out;
    const int ox = int(std::lround(14.0 - cx / mass - 0.5)), oy = int(std::lround(14.0 - cy / mass - 0.5));
    for (int y = 0; y < sh; ++y)
        for (int x = 0; x < sw; ++x) {
            const int tx = x + ox, ty = y + oy;
            if (tx >= 0 && tx < 28 && ty >= 0 && ty < 28)
                out[std::size_t(ty) * 28 + tx] = float(small.constScanLine(y)[x] / 255.0);
        }
    return out;
}

} // namespace logitlab::ui
