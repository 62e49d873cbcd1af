// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/modelviews.h"

#include "training/trainingtext.h"

#include "common/appearance.h"
#include "common/uitext.h"
#include "plots/plotpanel.h"
#include "plots/qcp.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace logitlab::ui {

namespace {

/** Makes \a plot hold exactly \a n axis rects laid out in \a columns columns (the first is the
 * plot's own, so xAxis/yAxis and the legend stay valid); removes every plottable and item. */
QList<QCPAxisRect *> axisRects(QCustomPlot *plot, int n, int columns)
{
    plot->clearPlottables();
    plot->clearItems();
    QCPLayoutGrid *layout = plot->plotLayout();
    QCPAxisRect *first = plot->axisRect(0);
    layout->take(first);
    layout->clear(); // deletes every other axis rect and colour scale
    layout->simplify();
    layout->addElement(0, 0, first);
    first->setProperty("dataBox", QVariant()); // a view sets it again where it wants equal axes
    QList<QCPAxisRect *> keep {first};
    for (int i = 1; i < n; ++i) {
        auto *r = new QCPAxisRect(plot);
        layout->addElement(i / columns, i % columns, r);
        keep.append(r);
        for (QCPAxis *a : r->axes()) {
            a->setTickLabelFont(plot->xAxis->tickLabelFont());
            a->setLabelFont(plot->xAxis->labelFont());
        }
    }
    plot->legend->setVisible(false);
    return keep;
}

/** Leaves one empty axis rect with no labels and \a note in its middle (by default: the run has
 * no model yet), so that no old number stays over empty axes. */
void resetPlot(QCustomPlot *plot, const QString &noteText = {})
{
    const QList<QCPAxisRect *> rects = axisRects(plot, 1, 1);
    for (QCPAxis *a : rects.front()->axes()) {
        a->setLabel(QString());
        a->setRange(0, 1);
    }
    auto *note = new QCPItemText(plot);
    note->position->setType(QCPItemPosition::ptAxisRectRatio);
    note->position->setCoords(0.5, 0.5);
    note->setText(noteText.isEmpty() ? WeightsView::tr("No model yet: press Play (Space) or Step (Right).") : noteText);
    note->setColor(QColor(0x60, 0x60, 0x60));
    plot->replot(QCustomPlot::rpQueuedReplot);
}

QCPColorGradient polarGradient()
{
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(0x05, 0x30, 0x61));
    g.setColorStopAt(0.25, QColor(0x43, 0x93, 0xc3));
    g.setColorStopAt(0.5, QColor(0xf7, 0xf7, 0xf7));
    g.setColorStopAt(0.75, QColor(0xd6, 0x60, 0x4d));
    g.setColorStopAt(1.0, QColor(0x67, 0x00, 0x1f));
    g.setNanHandling(QCPColorGradient::nhTransparent);
    return g;
}

QCPColorGradient grayGradient()
{
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, Qt::white);
    g.setColorStopAt(1.0, Qt::black);
    return g;
}

/** Sets \a rect's ranges to the data box [x0, x1] x [y0, y1] and remembers it for equalAspect(). */
void setDataBox(QCPAxisRect *rect, double x0, double x1, double y0, double y1)
{
    rect->axis(QCPAxis::atBottom)->setRange(x0, x1);
    rect->axis(QCPAxis::atLeft)->setRange(y0, y1);
    rect->setProperty("dataBox", QRectF(QPointF(x0, y0), QPointF(x1, y1)));
}

/**
 * One unit as long on x as on y in every rect of \a plot that has a data box: the box is centred
 * and the range of one axis widened, never cut, so nothing is stretched or hidden. Starts from the
 * box each time (a size change can shrink the ranges again). Returns true if a range changed.
 */
bool equalAspect(QCustomPlot *plot)
{
    bool changed = false;
    for (QCPAxisRect *r : plot->axisRects()) {
        const QRectF box = r->property("dataBox").toRectF();
        if (box.isEmpty() || r->width() <= 0 || r->height() <= 0)
            continue;
        const double perPixel = std::max(box.width() / r->width(), box.height() / r->height());
        const QCPRange want[2]
            = {QCPRange(box.center().x() - perPixel * r->width() / 2, box.center().x() + perPixel * r->width() / 2),
                QCPRange(box.center().y() - perPixel * r->height() / 2, box.center().y() + perPixel * r->height() / 2)};
        QCPAxis *axes[2] = {r->axis(QCPAxis::atBottom), r->axis(QCPAxis::atLeft)};
        for (int i = 0; i < 2; ++i) {
            const QCPRange have = axes[i]->range();
            if (std::abs(have.lower - want[i].lower) + std::abs(have.upper - want[i].upper) > 1e-3 * want[i].size()) {
                axes[i]->setRange(want[i]);
                changed = true;
            }
        }
    }
    return changed;
}

/**
 * Square pixels and equal axes in \a plot now (after a layout pass without drawing) and after every
 * later replot, so a resize or the first display at the real size keeps them square.
 */
void squarePixels(QCustomPlot *plot)
{
    plot->plotLayout()->setOuterRect(plot->viewport());
    for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
        plot->plotLayout()->update(phase);
    equalAspect(plot);
    if (!plot->property("equalAspectHooked").toBool()) {
        plot->setProperty("equalAspectHooked", true);
        // Tick labels can change the margins once more; a few rounds settle it.
        QObject::connect(plot, &QCustomPlot::afterReplot, plot, [plot] {
            // At most three more rounds in a row: tick labels that change the margins cannot
            // keep the plot replotting.
            const int rounds = plot->property("equalAspectRounds").toInt();
            if (rounds < 3 && equalAspect(plot)) {
                plot->setProperty("equalAspectRounds", rounds + 1);
                plot->replot(QCustomPlot::rpQueuedReplot);
            } else {
                plot->setProperty("equalAspectRounds", 0);
            }
        });
        // The axes follow the data box: dragging or wheel-zooming would be undone at once.
        plot->setInteractions(QCP::Interactions());
    }
}

QCPColorMap *imageMap(QCPAxisRect *rect, const float *pixels, int rows, int cols, const QString &name)
{
    auto *map = new QCPColorMap(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    map->setName(name);
    map->data()->setSize(cols, rows);
    map->data()->setRange(QCPRange(0, cols - 1), QCPRange(0, rows - 1));
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < cols; ++x)
            map->data()->setCell(x, y, pixels[y * cols + x]);
    map->setGradient(grayGradient());
    map->setDataRange(QCPRange(0, 1));
    map->setInterpolate(false);
    rect->axis(QCPAxis::atLeft)->setRangeReversed(true);
    setDataBox(rect, -0.5, cols - 0.5, -0.5, rows - 0.5);
    for (QCPAxis *a : {rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft)}) {
        a->setTicks(false);
        a->setTickLabels(false);
        a->grid()->setVisible(false);
    }
    return map;
}

QCPBars *bars(QCPAxisRect *rect, const std::vector<double> &values, double offset, double width, const QColor &c,
    const QString &name)
{
    auto *b = new QCPBars(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    b->setName(name);
    b->setWidth(width);
    b->setPen(Qt::NoPen);
    b->setBrush(c);
    for (std::size_t i = 0; i < values.size(); ++i)
        b->addData(double(i) + offset, std::isfinite(values[i]) ? values[i] : 0.0);
    return b;
}

QCPItemText *text(QCPAxisRect *rect, double x, double y, const QString &s, const QColor &c, double pt)
{
    auto *t = new QCPItemText(rect->parentPlot());
    t->setClipAxisRect(rect);
    t->setClipToAxisRect(true);
    t->position->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    t->position->setCoords(x, y);
    t->setText(s);
    QFont f = rect->parentPlot()->font();
    f.setPointSizeF(pt);
    t->setFont(f);
    t->setColor(c);
    return t;
}

QString runLabel(const ModelView &v, int i)
{
    return QCoreApplication::translate("logitlab::ui::ModelViews", "%1 (%2, %3)")
        .arg(runName(i), headShort(v.runs[i].head), formatText(v.runs[i].format));
}

QWidget *wrap(QWidget *parent, PlotPanel *panel, QWidget *top = nullptr)
{
    auto *layout = new QVBoxLayout(parent);
    layout->setContentsMargins(0, 0, 0, 0);
    if (top)
        layout->addWidget(top);
    layout->addWidget(panel, 1);
    return parent;
}

} // namespace

// --- Weights ---------------------------------------------------------------------------------

WeightsView::WeightsView(QWidget *parent) : QWidget(parent)
{
    m_panel = new PlotPanel(tr("First-layer weights (one image per unit, shared scale)"));
    m_panel->setObjectName(QStringLiteral("weightsPanel"));
    wrap(this, m_panel);
}

void WeightsView::show(const ModelView &view, const SessionData &data)
{
    QCustomPlot *plot = m_panel->plot();
    // The layout (rects, maps, colour scale) is built once per shape and then only refilled:
    // rebuilding it on every model view was what made the GUI thread late while training.
    struct Shape {
        int units, in, h, w, cols, rows, nx, ny;
    };
    Shape shapes[2] = {};
    QList<int> key {view.runCount};
    for (int r = 0; r < view.runCount; ++r) {
        const RunView &run = view.runs[r];
        if (run.sizes.size() < 2) {
            key << -1;
            continue;
        }
        Shape &s = shapes[r];
        s.in = run.sizes[0];
        s.units = run.sizes[1];
        const bool image = data.split.train.imageRows * data.split.train.imageCols == s.in;
        s.h = image ? data.split.train.imageRows : 1;
        s.w = image ? data.split.train.imageCols : s.in;
        s.cols = image ? int(std::ceil(std::sqrt(double(s.units)))) : 1;
        s.rows = (s.units + s.cols - 1) / s.cols;
        s.nx = s.cols * (s.w + 1) - 1;
        s.ny = s.rows * (s.h + 1) - 1;
        key << s.nx << s.ny << s.units << s.in;
    }
    if (key != m_shape) {
        m_shape = key;
        const QList<QCPAxisRect *> rects = axisRects(plot, view.runCount, 2);
        m_scale = new QCPColorScale(plot);
        plot->plotLayout()->addElement(0, view.runCount, m_scale);
        m_scale->setBarWidth(14);
        m_scale->setLabel(tr("weight"));
        m_scale->setGradient(polarGradient());
        for (int r = 0; r < 2; ++r) {
            m_maps[r] = nullptr;
            m_rects[r] = r < view.runCount ? rects[r] : nullptr;
        }
        for (int r = 0; r < view.runCount; ++r) {
            const Shape &s = shapes[r];
            if (s.units == 0)
                continue;
            QCPAxisRect *rect = rects[r];
            auto *map = new QCPColorMap(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            map->setName(tr("%1 first-layer weights").arg(runName(r)));
            map->data()->setSize(s.nx, s.ny);
            map->data()->setRange(QCPRange(0, s.nx - 1), QCPRange(0, s.ny - 1));
            map->data()->fill(std::numeric_limits<double>::quiet_NaN());
            map->setInterpolate(false);
            map->setColorScale(m_scale);
            m_maps[r] = map;
            rect->axis(QCPAxis::atLeft)->setRangeReversed(true);
            setDataBox(rect, -0.5, s.nx - 0.5, -0.5, s.ny - 0.5);
            for (QCPAxis *a : {rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft)}) {
                a->setTicks(false);
                a->setTickLabels(false);
                a->grid()->setVisible(false);
            }
            rect->setupFullAxesBox(false);
        }
    }
    double maxAbs = 1e-12;
    for (int r = 0; r < view.runCount; ++r) {
        const Shape &s = shapes[r];
        if (!m_maps[r])
            continue;
        const RunView &run = view.runs[r];
        QCPColorMapData *cells = m_maps[r]->data();
        long long finite = 0;
        for (int u = 0; u < s.units; ++u) {
            const int ox = (u % s.cols) * (s.w + 1), oy = (u / s.cols) * (s.h + 1);
            for (int i = 0; i < s.in; ++i) {
                const double v = run.parameters[std::size_t(u) * s.in + i];
                cells->setCell(ox + i % s.w, oy + i / s.w, v);
                if (std::isfinite(v)) {
                    maxAbs = std::max(maxAbs, std::abs(v));
                    ++finite;
                }
            }
        }
        // NaN cells are transparent: an all-NaN run would otherwise show as an empty frame.
        m_rects[r]
            ->axis(QCPAxis::atBottom)
            ->setLabel(finite == 0 ? tr("%1 — every weight is NaN/inf").arg(runLabel(view, r)) : runLabel(view, r));
    }
    m_scale->setDataRange(QCPRange(-maxAbs, maxAbs));
    squarePixels(plot); // follows the widget's size
    plot->replot(QCustomPlot::rpQueuedReplot);
}

// --- Confusion -------------------------------------------------------------------------------

ConfusionView::ConfusionView(QWidget *parent) : QWidget(parent)
{
    m_panel = new PlotPanel(tr("Confusion matrix (test set)"));
    m_panel->setObjectName(QStringLiteral("confusionPanel"));
    wrap(this, m_panel);
}

void ConfusionView::show(const ModelView &view)
{
    QCustomPlot *plot = m_panel->plot();
    const int k = view.classes;
    const QList<QCPAxisRect *> rects = axisRects(plot, view.runCount, 2);
    for (int r = 0; r < view.runCount; ++r) {
        const RunView &run = view.runs[r];
        QCPAxisRect *rect = rects[r];
        auto *map = new QCPColorMap(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        map->setName(tr("%1 confusion").arg(runName(r)));
        map->data()->setSize(k, k);
        map->data()->setRange(QCPRange(0, k - 1), QCPRange(0, k - 1));
        int rowMax = 1;
        for (int t = 0; t < k; ++t)
            for (int p = 0; p < k; ++p)
                rowMax = std::max(rowMax, run.confusion[std::size_t(t) * k + p]);
        for (int t = 0; t < k; ++t)
            for (int p = 0; p < k; ++p) {
                const int n = run.confusion[std::size_t(t) * k + p];
                map->data()->setCell(p, t, n);
                if (k <= 12)
                    text(rect, p, t, QString::number(n),
                        n > rowMax / 2 ? Qt::white : (p == t ? Qt::black : QColor(180, 0, 0)), k <= 4 ? 14 : 9);
            }
        QCPColorGradient g;
        g.clearColorStops();
        g.setColorStopAt(0, Qt::white);
        g.setColorStopAt(1, QColor(0x08, 0x30, 0x6b));
        map->setGradient(g);
        map->setDataRange(QCPRange(0, rowMax));
        map->setInterpolate(false);
        rect->axis(QCPAxis::atLeft)->setRangeReversed(true);
        rect->axis(QCPAxis::atBottom)->setRange(-0.5, k - 0.5);
        rect->axis(QCPAxis::atLeft)->setRange(-0.5, k - 0.5);
        for (QCPAxis *a : {rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft)}) {
            a->grid()->setVisible(false);
            a->ticker()->setTickCount(k);
            a->setSubTicks(false);
        }
        rect->axis(QCPAxis::atBottom)
            ->setLabel(tr("%1 (%2) predicted — acc. %3%")
                           .arg(runName(r), headShort(run.head))
                           .arg(100 * run.testAccuracy, 0, 'f', 1));
        rect->axis(QCPAxis::atLeft)->setLabel(tr("true class"));
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

// --- Gallery ---------------------------------------------------------------------------------

GalleryView::GalleryView(QWidget *parent) : QWidget(parent)
{
    m_panel = new PlotPanel(tr("Test digits: p(class) from A (orange, left bar) and B (blue, right bar), 0 to 1"));
    m_panel->setObjectName(QStringLiteral("galleryPanel"));
    wrap(this, m_panel);
}

void GalleryView::show(const ModelView &view, const SessionData &data)
{
    QCustomPlot *plot = m_panel->plot();
    const Dataset &test = data.split.test;
    const bool image = test.imageRows > 0 && test.imageCols > 0;
    const int n = image ? int(view.galleryIndices.size()) : 0;
    // As many digits per row as fit at a readable size (3 to 8): captions never overlap.
    const int columns = std::clamp(plot->width() / zoomed(125), 3, 8);
    const int k = view.classes;
    QList<int> key {n, k, view.runCount, columns};
    for (int g = 0; g < n; ++g)
        key << view.galleryIndices[std::size_t(g)];
    const bool rebuild = key != m_key;
    // Built once per set of digits; afterwards only the bars' data and the captions change.
    if (rebuild) {
        m_key = key;
        m_bars.clear();
        m_images.clear();
        const int cellRows = (n + columns - 1) / columns;
        // Digits big enough to read from the back (~90 px with their bars); the page scrolls.
        m_panel->setMinimumPlotHeight(std::max(PlotPanel::defaultMinimumPlotHeight, cellRows * 150));
        const QList<QCPAxisRect *> rects = axisRects(plot, std::max(1, 2 * n), columns);
        if (n == 0) {
            text(rects[0], 0.5, 0.5, tr("The gallery shows image data sets."), Qt::darkGray, 12);
            plot->replot(QCustomPlot::rpQueuedReplot);
            return;
        }
        // Lay out image rects in even rows, bar rects in odd rows.
        QCPLayoutGrid *layout = plot->plotLayout();
        for (QCPAxisRect *r : rects)
            layout->take(r);
        layout->simplify();
        for (int g = 0; g < n; ++g) {
            QCPAxisRect *img = rects[2 * g], *bar = rects[2 * g + 1];
            layout->addElement(2 * (g / columns), g % columns, img);
            layout->addElement(2 * (g / columns) + 1, g % columns, bar);
            const int index = view.galleryIndices[std::size_t(g)];
            const int label = test.labels[std::size_t(index)];
            imageMap(img, test.features.row(index).data(), test.imageRows, test.imageCols,
                tr("test #%1 (label %2)").arg(index).arg(label));
            m_images << img;
            for (int r = 0; r < view.runCount; ++r) {
                const double off = view.runCount == 2 ? (r == 0 ? -0.2 : 0.2) : 0.0;
                m_bars << bars(bar, {}, off, view.runCount == 2 ? 0.4 : 0.8, seriesColor(r == 0 ? 0 : 1),
                    tr("%1 p(class) for test #%2").arg(runName(r)).arg(index));
            }
            bar->axis(QCPAxis::atLeft)->setRange(0, 1.05);
            // p from 0 to 1: two labelled ticks, so a bar's height can be read.
            QSharedPointer<QCPAxisTickerFixed> unit(new QCPAxisTickerFixed);
            unit->setTickStep(1.0);
            unit->setScaleStrategy(QCPAxisTickerFixed::ssNone);
            bar->axis(QCPAxis::atLeft)->setTicker(unit);
            bar->axis(QCPAxis::atLeft)->setTickLabels(true);
            bar->axis(QCPAxis::atBottom)->setRange(-0.6, k - 0.4);
            bar->axis(QCPAxis::atBottom)->ticker()->setTickCount(std::min(k, 10));
            bar->axis(QCPAxis::atBottom)->setSubTicks(false);
            QFont small = plot->font();
            small.setPointSizeF(9 * zoom());
            bar->axis(QCPAxis::atBottom)->setTickLabelFont(small);
            bar->axis(QCPAxis::atLeft)->setTickLabelFont(small);
            bar->axis(QCPAxis::atBottom)->grid()->setVisible(false);
            img->axis(QCPAxis::atTop)->setVisible(true);
            img->axis(QCPAxis::atTop)->setTicks(false);
            img->axis(QCPAxis::atTop)->setTickLabels(false);
            for (QCPAxisRect *r : {img, bar}) {
                r->setAutoMargins(QCP::msNone);
                r->setMargins(QMargins(4, r == img ? 18 : 2, 4, r == img ? 2 : 16));
            }
        }
        for (int row = 0; row < cellRows; ++row) {
            layout->setRowStretchFactor(2 * row, 1.6);
            layout->setRowStretchFactor(2 * row + 1, 1.0);
        }
    }
    if (n == 0)
        return;
    for (int g = 0; g < n; ++g) {
        const int index = view.galleryIndices[std::size_t(g)];
        const int label = test.labels[std::size_t(index)];
        QString caption = tr("#%1: %2").arg(index).arg(label);
        bool wrong = false;
        for (int r = 0; r < view.runCount; ++r) {
            QCPBars *b = m_bars[g * view.runCount + r];
            const double off = view.runCount == 2 ? (r == 0 ? -0.2 : 0.2) : 0.0;
            QVector<double> keys(k), values(k);
            for (int c = 0; c < k; ++c) {
                const double p = view.runs[r].galleryProbs[std::size_t(g) * k + c];
                keys[c] = c + off;
                values[c] = std::isfinite(p) ? p : 0.0;
            }
            b->setData(keys, values, true);
            const int pred = view.runs[r].galleryPredicted[std::size_t(g)];
            caption += QStringLiteral(" %1:%2%3")
                           .arg(runName(r))
                           .arg(pred)
                           .arg(pred == label ? QString() : QStringLiteral("✗"));
            wrong = wrong || pred != label;
        }
        QCPAxis *top = m_images[g]->axis(QCPAxis::atTop);
        top->setLabel(caption);
        QFont cap = plot->font();
        cap.setPointSizeF(9);
        cap.setBold(wrong);
        top->setLabelFont(cap);
        top->setLabelColor(wrong ? QColor(200, 0, 0) : Qt::black);
        top->setBasePen(wrong ? QPen(QColor(200, 0, 0), 3) : QPen(Qt::black));
    }
    squarePixels(plot);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

// --- Inspector -------------------------------------------------------------------------------

InspectorView::InspectorView(QWidget *parent) : QWidget(parent)
{
    m_panel = new PlotPanel(tr("Step inspector: z, softmax(z), dLoss/dz"));
    m_panel->setObjectName(QStringLiteral("inspectorPanel"));
    // The per-run lines get their own full-width row under the sample box: beside it they were
    // squeezed and run B's line was cut off at 1366x768.
    auto *top = new QWidget;
    auto *column = new QVBoxLayout(top);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto *row = new QHBoxLayout;
    column->addLayout(row);
    row->addWidget(new QLabel(tr("Test sample")));
    m_sample = new QSpinBox;
    m_sample->setObjectName(QStringLiteral("inspectedSample"));
    m_sample->setRange(0, 0);
    row->addWidget(m_sample);
    m_text = new QLabel;
    m_text->setObjectName(QStringLiteral("inspectorText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
    row->addStretch(1);
    column->addWidget(m_text);
    wrap(this, m_panel, top);
    connect(m_sample, &QSpinBox::valueChanged, this, &InspectorView::sampleChanged);
}

void InspectorView::show(const ModelView &view, const SessionData &data)
{
    const Dataset &test = data.split.test;
    {
        const QSignalBlocker block(m_sample);
        m_sample->setRange(0, int(test.size()) - 1);
        m_sample->setValue(view.inspectedSample);
    }
    QCustomPlot *plot = m_panel->plot();
    const bool image = test.imageRows > 0 && test.imageCols > 0;
    const QList<QCPAxisRect *> rects = axisRects(plot, image ? 4 : 3, image ? 4 : 3);
    int next = 0;
    if (image) {
        imageMap(rects[0], test.features.row(view.inspectedSample).data(), test.imageRows, test.imageCols,
            tr("test #%1").arg(view.inspectedSample));
        rects[0]->axis(QCPAxis::atBottom)->setLabel(tr("label %1").arg(view.inspectedLabel));
        next = 1;
    }
    const QString titles[3] = {tr("logits z"), tr("probabilities"), tr("dLoss/dz")};
    QStringList lines;
    for (int part = 0; part < 3; ++part) {
        QCPAxisRect *rect = rects[next + part];
        int width = 1;
        for (int r = 0; r < view.runCount; ++r) {
            const RunView &run = view.runs[r];
            const std::vector<double> &v = part == 0 ? run.logits : (part == 1 ? run.probs : run.gradient);
            width = std::max(width, int(v.size()));
            bars(rect, v, view.runCount == 2 ? (r == 0 ? -0.2 : 0.2) : 0.0, view.runCount == 2 ? 0.4 : 0.8,
                seriesColor(r == 0 ? 0 : 1), tr("%1 %2").arg(runName(r), titles[part]));
        }
        rect->axis(QCPAxis::atBottom)->setLabel(titles[part]);
        rect->axis(QCPAxis::atBottom)->setRange(-0.6, width - 0.4);
        rect->axis(QCPAxis::atBottom)->ticker()->setTickCount(std::min(width, 10));
        rect->axis(QCPAxis::atBottom)->setSubTicks(false);
        rect->axis(QCPAxis::atLeft)->rescale();
        QCPRange yr = rect->axis(QCPAxis::atLeft)->range();
        yr.lower = std::min(yr.lower, 0.0);
        yr.upper = std::max(yr.upper, 0.0);
        if (yr.size() == 0)
            yr.upper = 1;
        rect->axis(QCPAxis::atLeft)->setRange(yr.lower - 0.05 * yr.size(), yr.upper + 0.05 * yr.size());
        if (part == 1)
            rect->axis(QCPAxis::atLeft)->setRange(0, 1.05);
    }
    for (int r = 0; r < view.runCount; ++r) {
        const RunView &run = view.runs[r];
        const int y = view.inspectedLabel;
        const double py = y < int(run.probs.size()) ? run.probs[std::size_t(y)] : 0.0;
        lines << tr("<b>%1</b>: loss %2, p(true class %3) = %4, largest |dLoss/dz| = %5")
                     .arg(runLabel(view, r), numberText(run.loss))
                     .arg(y)
                     .arg(numberText(py))
                     .arg(numberText(run.gradient.empty()
                             ? 0.0
                             : std::abs(*std::max_element(run.gradient.begin(), run.gradient.end(),
                                 [](double a, double b) { return std::abs(a) < std::abs(b); }))));
    }
    m_text->setText(lines.join(QStringLiteral("<br>")));
    if (image)
        squarePixels(plot);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

// --- Boundary --------------------------------------------------------------------------------

BoundaryView::BoundaryView(QWidget *parent) : QWidget(parent)
{
    m_panel = new PlotPanel(tr("Decision regions and training points"));
    m_panel->setObjectName(QStringLiteral("boundaryPanel"));
    m_note = new QLabel;
    m_note->setWordWrap(true);
    wrap(this, m_panel, m_note);
}

void BoundaryView::show(const ModelView &view, const SessionData &data)
{
    QCustomPlot *plot = m_panel->plot();
    if (view.boundarySize == 0) {
        const QString why
            = tr("Choose a 2-D data set (spiral, xor, circles, blobs) to see the decision boundary live.");
        m_note->setText(why);
        resetPlot(plot, tr("No decision boundary: these data are not points in the plane."));
        return;
    }
    const QList<QCPAxisRect *> rects = axisRects(plot, std::max(1, view.runCount), 2);
    m_note->setText(tr("Colour: the class each run predicts at that point; lighter where it is less sure."));
    const int n = view.boundarySize, k = view.classes;
    const Dataset &train = data.split.train;
    for (int r = 0; r < view.runCount; ++r) {
        QCPAxisRect *rect = rects[r];
        auto *map = new QCPColorMap(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        map->setName(tr("%1 predicted class").arg(runName(r)));
        map->data()->setSize(n, n);
        const double dx = (view.boundaryX1 - view.boundaryX0) / n, dy = (view.boundaryY1 - view.boundaryY0) / n;
        map->data()->setRange(QCPRange(view.boundaryX0 + dx / 2, view.boundaryX1 - dx / 2),
            QCPRange(view.boundaryY0 + dy / 2, view.boundaryY1 - dy / 2));
        const RunView &run = view.runs[r];
        for (int y = 0; y < n; ++y)
            for (int x = 0; x < n; ++x) {
                const double c = run.boundaryClass[std::size_t(y) * n + x];
                const double conf = run.boundaryConfidence[std::size_t(y) * n + x];
                // class index plus a confidence shade in [0, 0.45): stays inside the class's band
                map->data()->setCell(x, y,
                    c + 0.45 * std::clamp(std::isfinite(conf) ? (conf - 1.0 / k) / (1 - 1.0 / k) : 0.0, 0.0, 0.999));
            }
        QCPColorGradient g;
        g.clearColorStops();
        for (int c = 0; c < k; ++c) {
            const QColor base = seriesColor(c + 2);
            const double lo = double(c) / k, hi = (c + 0.45) / k;
            g.setColorStopAt(lo, base.lighter(185));
            g.setColorStopAt(hi, base.lighter(125));
            g.setColorStopAt(std::min(1.0, (c + 0.999) / k), base.lighter(125));
        }
        map->setGradient(g);
        map->setDataRange(QCPRange(0, k));
        map->setInterpolate(false);
        for (int c = 0; c < k; ++c) {
            auto *pts = new QCPGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            pts->setName(tr("class %1 points").arg(c));
            pts->setLineStyle(QCPGraph::lsNone);
            pts->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(0x20, 0x20, 0x20), 1.2), seriesColor(c + 2), 6));
            for (Eigen::Index i = 0; i < train.size(); i += std::max<Eigen::Index>(1, train.size() / 600))
                if (train.labels[std::size_t(i)] == c)
                    pts->addData(train.features(i, 0), train.features(i, 1));
        }
        setDataBox(rect, view.boundaryX0, view.boundaryX1, view.boundaryY0, view.boundaryY1);
        rect->axis(QCPAxis::atBottom)
            ->setLabel(tr("%1 — test accuracy %2%").arg(runLabel(view, r)).arg(100 * run.testAccuracy, 0, 'f', 1));
    }
    squarePixels(plot); // equal axes: a circle stays a circle
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void WeightsView::clear()
{
    m_shape.clear();
    m_maps[0] = m_maps[1] = nullptr;
    m_rects[0] = m_rects[1] = nullptr;
    m_scale = nullptr; // deleted with the layout by resetPlot
    resetPlot(m_panel->plot());
}

void ConfusionView::clear()
{
    m_classes = m_runs = -1;
    resetPlot(m_panel->plot());
}

void GalleryView::clear()
{
    m_key.clear();
    m_bars.clear();
    m_images.clear();
    resetPlot(m_panel->plot());
}

void InspectorView::clear()
{
    m_text->clear();
    resetPlot(m_panel->plot());
}

void BoundaryView::clear()
{
    m_note->clear();
    resetPlot(m_panel->plot());
}

} // namespace logitlab::ui
