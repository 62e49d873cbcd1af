// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/temperatureaxis.h"

#include "common/appearance.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>

#include <algorithm>
#include <cmath>

namespace logitlab::ui {

namespace {

/** Red of the page's format, as the ln(max) line of the sweep plot; grey for the others. */
const QColor currentColor(0xb0, 0x00, 0x00);
const QColor otherColor(0x55, 0x55, 0x55);

} // namespace

TemperatureAxis::TemperatureAxis(QSlider *slider, QWidget *parent) : QWidget(parent), m_slider(slider)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setToolTip(tr("Temperature T = 1/scale under the slider. A mark shows where the naive softmax of these logits "
                  "breaks in a format: for every T below it (to its right) an exp overflows to inf, or every exp "
                  "is 0, and the result is NaN. Click to move the slider."));
    m_slider->installEventFilter(this); // its resizes and moves move the marks
    updateHeight();
}

void TemperatureAxis::setMarks(const QList<Mark> &marks)
{
    m_marks = marks;
    updateHeight();
    update();
}

bool TemperatureAxis::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_slider
        && (event->type() == QEvent::Resize || event->type() == QEvent::Move || event->type() == QEvent::StyleChange
            || event->type() == QEvent::Show)) {
        updateHeight();
        update();
    }
    return QWidget::eventFilter(watched, event);
}

double TemperatureAxis::xOfStep(double step) const
{
    QStyleOptionSlider opt;
    opt.initFrom(m_slider);
    opt.orientation = Qt::Horizontal;
    opt.minimum = m_slider->minimum();
    opt.maximum = m_slider->maximum();
    opt.singleStep = m_slider->singleStep();
    opt.pageStep = m_slider->pageStep();
    opt.tickPosition = m_slider->tickPosition();
    opt.tickInterval = m_slider->tickInterval();
    opt.upsideDown = m_slider->invertedAppearance() != (m_slider->layoutDirection() == Qt::RightToLeft);
    opt.subControls = QStyle::SC_SliderGroove | QStyle::SC_SliderHandle;
    const auto handleCentre = [&](int value) {
        opt.sliderPosition = opt.sliderValue = value;
        return m_slider->style()
            ->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, m_slider)
            .center()
            .x();
    };
    const double left = handleCentre(opt.minimum), right = handleCentre(opt.maximum);
    const double span = std::max(1, opt.maximum - opt.minimum);
    const double inSlider = left + (step - opt.minimum) / span * (right - left);
    // From the slider's coordinates to ours (both live in the same window).
    const int offset = m_slider->mapTo(window(), QPoint(0, 0)).x() - mapTo(window(), QPoint(0, 0)).x();
    return inSlider + offset;
}

double TemperatureAxis::drawnStep(const Mark &m) const
{
    return std::clamp(m.step, static_cast<double>(m_slider->minimum()), static_cast<double>(m_slider->maximum()));
}

QRect TemperatureAxis::labelRect(int i) const
{
    const QList<QRect> rects = layoutLabels();
    return i >= 0 && i < rects.size() ? rects[i] : QRect();
}

int TemperatureAxis::rowHeight() const
{
    return fontMetrics().height() + 2;
}

int TemperatureAxis::ticksHeight() const
{
    return zoomed(5) + fontMetrics().height();
}

QSize TemperatureAxis::sizeHint() const
{
    return {m_slider->sizeHint().width(), ticksHeight() + std::max(m_rows, 0) * rowHeight() + zoomed(3)};
}

QSize TemperatureAxis::minimumSizeHint() const
{
    return {0, sizeHint().height()};
}

QList<QRect> TemperatureAxis::layoutLabels(int *rowCount) const
{
    const QFontMetrics plain(font());
    QFont boldFont = font();
    boldFont.setBold(true);
    const QFontMetrics bold(boldFont);
    const int gap = zoomed(4);
    QList<QList<QRect>> rows;
    // Left to right, each label in the first row where it overlaps nothing; right of its mark
    // (the side where the form breaks) when it fits, else left of it.
    QList<int> order;
    for (int i = 0; i < m_marks.size(); ++i)
        order << i;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return m_marks[a].step < m_marks[b].step; });
    QList<QRect> rects(m_marks.size());
    for (int i : order) {
        const Mark &m = m_marks[i];
        const int x = static_cast<int>(std::lround(xOfStep(drawnStep(m))));
        const int w = (m.current ? bold : plain).horizontalAdvance(m.label) + gap;
        int left = x + gap;
        if (left + w > width())
            left = std::max(0, x - gap - w);
        int row = 0;
        for (;; ++row) {
            if (row == rows.size())
                rows.append(QList<QRect>());
            const QRect candidate(left, ticksHeight() + row * rowHeight(), w, rowHeight());
            const bool free = std::none_of(rows[row].begin(), rows[row].end(),
                [&](const QRect &r) { return r.adjusted(-gap, 0, gap, 0).intersects(candidate); });
            if (free) {
                rows[row].append(candidate);
                rects[i] = candidate;
                break;
            }
        }
    }
    if (rowCount)
        *rowCount = static_cast<int>(rows.size());
    return rects;
}

void TemperatureAxis::updateHeight()
{
    int rows = 0;
    layoutLabels(&rows);
    m_rows = rows;
    if (height() != sizeHint().height()) {
        setFixedHeight(sizeHint().height());
        updateGeometry();
    }
}

void TemperatureAxis::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateHeight();
}

void TemperatureAxis::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateHeight();
}

void TemperatureAxis::mousePressEvent(QMouseEvent *event)
{
    const double left = xOfStep(m_slider->minimum()), right = xOfStep(m_slider->maximum());
    if (right <= left)
        return;
    const double step = m_slider->minimum()
        + (event->position().x() - left) / (right - left) * (m_slider->maximum() - m_slider->minimum());
    m_slider->setValue(static_cast<int>(std::lround(step))); // clamped by the slider
    m_slider->setFocus(Qt::MouseFocusReason);
}

void TemperatureAxis::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor ink = palette().color(QPalette::WindowText);
    const int tick = zoomed(5);
    const QList<QRect> labels = layoutLabels();
    const double left = xOfStep(m_slider->minimum()), right = xOfStep(m_slider->maximum());

    // The page's format breaks right of its mark: shaded under the labels.
    for (const Mark &m : m_marks)
        if (m.current && m.step <= m_slider->maximum()) {
            const double x = xOfStep(drawnStep(m));
            QColor shade = currentColor;
            shade.setAlpha(36);
            p.fillRect(QRectF(x, 0, right - x, height()), shade);
        }

    // The marks' lines, from the axis down to their labels (drawn over by the T numbers' boxes).
    for (int i = 0; i < m_marks.size(); ++i) {
        const QRect r = labels[i];
        if (r.isNull())
            continue;
        const Mark &m = m_marks[i];
        const double x = xOfStep(drawnStep(m));
        // Past an end of the slider the mark stands at that end, dashed; its label has the true T.
        const bool beyond = drawnStep(m) != m.step;
        p.setPen(QPen(m.current ? currentColor : otherColor, zoomed(2.0), beyond ? Qt::DashLine : Qt::SolidLine));
        p.drawLine(QPointF(x, 0), QPointF(x, r.bottom()));
    }
    QColor box = palette().color(QPalette::Window);
    box.setAlpha(225);

    // The axis: T at the decades, labelled, and 2..9 times each decade unlabelled (log scale).
    p.setPen(QPen(ink, 1));
    p.drawLine(QPointF(left, 0.5), QPointF(right, 0.5));
    const QFontMetrics fm(font());
    for (int decade = -2; decade <= 2; ++decade) {
        const double T = std::pow(10.0, decade);
        const double x = xOfStep(-100.0 * decade);
        p.drawLine(QPointF(x, 0), QPointF(x, tick));
        const QString text = QString::number(T);
        const int w = fm.horizontalAdvance(text);
        const double at = std::clamp(x - w / 2.0, 0.0, static_cast<double>(width() - w));
        const QRectF number(at - 1, tick, w + 2, fm.height());
        p.fillRect(number, box);
        p.drawText(number, Qt::AlignCenter, text);
        if (decade < 2)
            for (int k = 2; k <= 9; ++k) {
                const double xm = xOfStep(-100.0 * (decade + std::log10(k)));
                p.drawLine(QPointF(xm, 0), QPointF(xm, tick / 2.0));
            }
    }

    // The labels, each on a light box.
    QFont boldFont = font();
    boldFont.setBold(true);
    for (int i = 0; i < m_marks.size(); ++i) {
        const QRect r = labels[i];
        if (r.isNull())
            continue;
        const Mark &m = m_marks[i];
        p.fillRect(r, box);
        p.setFont(m.current ? boldFont : font());
        p.setPen(m.current ? currentColor : otherColor);
        p.drawText(r.adjusted(zoomed(2), 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, m.label);
    }
}

} // namespace logitlab::ui
