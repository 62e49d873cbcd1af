// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/plotpanel.h"

#include "common/appearance.h"
#include "common/elidedlabel.h"
#include "common/uitext.h"

#include "plots/qcp.h"
#include "precision/scalar.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextStream>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace logitlab::ui {

QColor seriesColor(int index)
{
    static const QColor colors[] = {QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x72, 0xb2), QColor(0x00, 0x9e, 0x73),
        QColor(0xcc, 0x79, 0xa7), QColor(0x00, 0x00, 0x00), QColor(0xe6, 0x9f, 0x00), QColor(0x56, 0xb4, 0xe9)};
    return colors[index % 7];
}

void stylePlot(QCustomPlot *plot)
{
    // First-time setup; restylePlot() follows the zoom and contrast later without undoing what a
    // page chose (a hidden legend, a smaller legend font, no interactions).
    QFont tick = plot->font();
    tick.setPointSizeF(12 * zoom()); // readable from the back of a lecture room
    QFont label = tick;
    label.setPointSizeF(12.5 * zoom());
    for (QCPAxis *axis : plot->axisRect()->axes()) {
        axis->setTickLabelFont(tick);
        axis->setLabelFont(label);
    }
    QFont legend = tick;
    legend.setPointSizeF(11.5 * zoom());
    plot->legend->setFont(legend);
    plot->legend->setVisible(true);
    plot->legend->setBrush(QColor(255, 255, 255, 220));
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->setNoAntialiasingOnDrag(true);
    restylePlot(plot);
}

namespace {
/** \a font at its size at zoom 1 times the current zoom; the zoom-1 size is remembered in \a holder. */
QFont zoomedFont(QObject *holder, const char *name, QFont font)
{
    QVariant base = holder->property(name);
    if (!base.isValid()) { // first sight: the font was made at the current zoom
        base = font.pointSizeF() / zoom();
        holder->setProperty(name, base);
    }
    font.setPointSizeF(base.toDouble() * zoom());
    return font;
}
} // namespace

void restylePlot(QCustomPlot *plot)
{
    const QColor ink = highContrast() ? Qt::black : QColor(0x20, 0x20, 0x20);
    const QPen gridPen(highContrast() ? QColor(0x90, 0x90, 0x90) : QColor(200, 200, 200), 1, Qt::DotLine);
    QList<QCPAxis *> axes;
    for (QCPAxisRect *rect : plot->axisRects())
        axes << rect->axes();
    for (QCPLayoutElement *e : plot->plotLayout()->elements(true))
        if (auto *scale = qobject_cast<QCPColorScale *>(e))
            axes << scale->axis();
    for (QCPAxis *axis : axes) {
        axis->setTickLabelFont(zoomedFont(axis, "baseTickFont", axis->tickLabelFont()));
        axis->setLabelFont(zoomedFont(axis, "baseLabelFont", axis->labelFont()));
        axis->setTickLabelColor(ink);
        axis->setLabelColor(ink);
        axis->setBasePen(QPen(ink, lineScale()));
        axis->setTickPen(QPen(ink, lineScale()));
        axis->setSubTickPen(QPen(ink, lineScale()));
        axis->grid()->setPen(gridPen);
    }
    const QFont legend = zoomedFont(plot->legend, "baseLegendFont", plot->legend->font());
    plot->legend->setFont(legend);
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        if (QCPAbstractLegendItem *item = plot->legend->item(i))
            item->setFont(legend);
    plot->legend->setIconSize(QSize(zoomed(32), zoomed(18)));
}

QString plotValueText(double v, Format f)
{
    // A value the lab computed in format f (exactly representable there) is shown with that
    // format's shortest digits; anything else (a cursor position, a derived double) with float64's.
    const bool inFormat = visitFormat(f, [v](auto tag) {
        using S = typename decltype(tag)::type;
        const long double x = static_cast<long double>(v);
        return std::isnan(v) || toLongDouble(fromLongDouble<S>(x)) == x;
    });
    return numberText(static_cast<long double>(v), inFormat ? f : Format::Float64);
}

namespace {
/**
 * Draws \a plot's lines, marks and item texts at lineScale()/zoom() times the size they were
 * made with (remembered in a property on first sight), so zoom and high contrast reach every
 * curve, including those a page adds later. Returns true if anything changed.
 */
bool scaleDrawing(QCustomPlot *plot, bool all)
{
    bool changed = false;
    const auto base = [](QObject *o, const char *name, double current) {
        const QVariant v = o->property(name);
        if (v.isValid())
            return v.toDouble();
        o->setProperty(name, current);
        return current;
    };
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable *p = plot->plottable(i);
        if (!all && p->property("basePen").isValid())
            continue;
        QPen pen = p->pen();
        pen.setWidthF(base(p, "basePen", pen.widthF()) * lineScale());
        p->setPen(pen);
        if (auto *g = qobject_cast<QCPGraph *>(p)) {
            QCPScatterStyle scatter = g->scatterStyle();
            scatter.setSize(base(p, "baseScatter", scatter.size()) * lineScale());
            g->setScatterStyle(scatter);
        }
        changed = true;
    }
    for (int i = 0; i < plot->itemCount(); ++i) {
        QCPAbstractItem *item = plot->item(i);
        if (!all && (item->property("baseFont").isValid() || item->property("basePen").isValid()))
            continue;
        if (auto *text = qobject_cast<QCPItemText *>(item)) {
            // A text's font was made at the zoom of its time (the application font is zoomed).
            text->setFont(zoomedFont(text, "baseFont", text->font()));
            changed = true;
        } else if (auto *line = qobject_cast<QCPItemStraightLine *>(item)) {
            QPen pen = line->pen();
            pen.setWidthF(base(line, "basePen", pen.widthF()) * lineScale());
            line->setPen(pen);
            changed = true;
        }
    }
    return changed;
}
} // namespace

PlotPanel::PlotPanel(const QString &title, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    m_title = new ElidedLabel(title, this); // a narrow screen shortens the title, never widens the page
    m_title->setObjectName(QStringLiteral("plotTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    bar->addWidget(m_title, 1);

    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setToolTip(tr("Export this plot as PNG, SVG, PDF or its data as CSV"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    populateMenu(menu);
    exportButton->setMenu(menu);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    bar->addWidget(exportButton);

    auto *copyButton = new QToolButton(this);
    copyButton->setText(tr("Copy"));
    copyButton->setToolTip(tr("Copy the plot as an image to the clipboard"));
    connect(copyButton, &QToolButton::clicked, this, &PlotPanel::copyToClipboard);
    bar->addWidget(copyButton);

    auto *resetButton = new QToolButton(this);
    resetButton->setText(tr("Fit"));
    resetButton->setToolTip(tr("Fit the axes to the data (after zooming with the wheel or dragging)"));
    connect(resetButton, &QToolButton::clicked, this, &PlotPanel::resetView);
    bar->addWidget(resetButton);
    layout->addLayout(bar);

    m_plot = new QCustomPlot(this);
    // The minimum width is set, not taken from the plot's layout: a legend row would otherwise
    // make the page as wide as all its entries (the legend wraps to the width instead).
    m_plot->setMinimumSize(zoomed(240), zoomed(defaultMinimumPlotHeight));
    m_plot->installEventFilter(this);
    // Curves a page adds later get the zoom's line widths before they are first drawn.
    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] { scaleDrawing(m_plot, false); });
    // Double-click: the main window shows this plot alone (focus view).
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { Q_EMIT focusRequested(this); });
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    stylePlot(m_plot);
    connect(m_plot, &QCustomPlot::customContextMenuRequested, this, &PlotPanel::showContextMenu);
    connect(m_plot, &QCustomPlot::mouseMove, this, &PlotPanel::onMouseMove);
    layout->addWidget(m_plot, 1);

    m_readout = new QLabel(this);
    m_readout->setWordWrap(true);
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readout->setText(tr("Hover over a curve to read its exact values."));
    layout->addWidget(m_readout);
}

QString PlotPanel::title() const
{
    return m_title->text();
}

void PlotPanel::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString PlotPanel::readout() const
{
    return m_readout->text();
}

void PlotPanel::populateMenu(QMenu *menu)
{
    menu->addAction(tr("Export as PNG (2x)..."), this, [this] {
        const QString path = askExportPath(ExportKind::Png, tr("PNG image (*.png)"));
        if (!path.isEmpty()) {
            QString error;
            const bool ok = exportTo(path, ExportKind::Png, &error);
            if (!ok)
                QMessageBox::warning(this, tr("Export failed"), error);
            Q_EMIT exported(path, ok);
        }
    });
    const auto addKind = [this, menu](const QString &text, ExportKind kind, const QString &filter) {
        menu->addAction(text, this, [this, kind, filter] {
            const QString path = askExportPath(kind, filter);
            if (path.isEmpty())
                return;
            QString error;
            const bool ok = exportTo(path, kind, &error);
            if (!ok)
                QMessageBox::warning(this, tr("Export failed"), error);
            Q_EMIT exported(path, ok);
        });
    };
    addKind(tr("Export as SVG..."), ExportKind::Svg, tr("SVG image (*.svg)"));
    addKind(tr("Export as PDF..."), ExportKind::Pdf, tr("PDF document (*.pdf)"));
    addKind(tr("Export data as CSV..."), ExportKind::Csv, tr("CSV table (*.csv)"));
    menu->addSeparator();
    menu->addAction(tr("Copy image"), this, &PlotPanel::copyToClipboard);
    menu->addAction(tr("Fit axes to data"), this, &PlotPanel::resetView);
}

void PlotPanel::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    populateMenu(&menu);
    menu.exec(m_plot->mapToGlobal(pos));
}

void PlotPanel::exportInteractively()
{
    const QString path = askExportPath(
        ExportKind::Png, tr("PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf);;CSV table (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = exportTo(path, kindForPath(path), &error);
    if (!ok)
        QMessageBox::warning(this, tr("Export failed"), error);
    Q_EMIT exported(path, ok);
}

QString PlotPanel::suggestedFileName(ExportKind kind) const
{
    // "Max ULP error vs size of the logits (float32, 240 scales)" ->
    // "max-ulp-error-vs-size-of-the-logits-float32-240-scales"
    QString name;
    for (const QChar c : title().toLower()) {
        if (c.isLetterOrNumber())
            name += c;
        else if (!name.isEmpty() && !name.endsWith(QLatin1Char('-')))
            name += QLatin1Char('-');
    }
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    if (name.size() > 60)
        name = name.left(60);
    if (name.isEmpty())
        name = QStringLiteral("plot");
    static const char *const suffixes[] = {".png", ".svg", ".pdf", ".csv"};
    return name + QLatin1String(suffixes[static_cast<int>(kind)]);
}

QString &PlotPanel::lastExportDirectory()
{
    static QString dir = QDir::homePath();
    return dir;
}

QString PlotPanel::askExportPath(ExportKind kind, const QString &filter)
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export plot"), QDir(lastExportDirectory()).filePath(suggestedFileName(kind)), filter);
    if (!path.isEmpty())
        lastExportDirectory() = QFileInfo(path).absolutePath();
    return path;
}

ExportKind PlotPanel::kindForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg"))
        return ExportKind::Svg;
    if (suffix == QLatin1String("pdf"))
        return ExportKind::Pdf;
    if (suffix == QLatin1String("csv"))
        return ExportKind::Csv;
    return ExportKind::Png;
}

bool PlotPanel::exportTo(const QString &path, ExportKind kind, QString *error) const
{
    QSaveFile file(path);
    const auto fail = [&](const QString &why) {
        file.cancelWriting();
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), why);
        return false;
    };
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());

    const int w = std::max(m_plot->width(), 800);
    const int h = std::max(m_plot->height(), 500);
    // Slide-ready: the title is written above the plot (the legend is part of the plot).
    QFont titleFont = m_plot->font();
    titleFont.setPointSizeF(14 * zoom());
    titleFont.setBold(true);
    const int titleHeight = QFontMetrics(titleFont).height() + 12;
    const auto drawTitle = [&](QPainter &painter) {
        painter.setFont(titleFont);
        painter.setPen(Qt::black);
        painter.drawText(QRect(8, 0, w - 16, titleHeight), Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(titleFont).elidedText(title(), Qt::ElideRight, w - 16));
    };
    switch (kind) {
    case ExportKind::Png: {
        QImage image(2 * w, 2 * (h + titleHeight), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.scale(2, 2);
        drawTitle(painter);
        painter.drawPixmap(QRect(0, titleHeight, w, h), m_plot->toPixmap(w, h, 2.0));
        painter.end();
        if (!image.save(&file, "PNG"))
            return fail(tr("the image could not be encoded"));
        break;
    }
    case ExportKind::Svg: {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(QSize(w, h + titleHeight));
        generator.setViewBox(QRect(0, 0, w, h + titleHeight));
        generator.setTitle(title());
        QCPPainter painter;
        if (!painter.begin(&generator))
            return fail(tr("the SVG painter could not start"));
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        drawTitle(painter);
        painter.translate(0, titleHeight);
        m_plot->toPainter(&painter, w, h);
        painter.end();
        break;
    }
    case ExportKind::Pdf: {
        QPdfWriter writer(&file);
        writer.setResolution(72);
        writer.setPageSize(QPageSize(QSizeF(w, h + titleHeight), QPageSize::Point));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(title());
        writer.setCreator(QStringLiteral("LogitLab"));
        QCPPainter painter;
        if (!painter.begin(&writer))
            return fail(tr("the PDF painter could not start"));
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        drawTitle(painter);
        painter.translate(0, titleHeight);
        m_plot->toPainter(&painter, w, h);
        painter.end();
        break;
    }
    case ExportKind::Csv: {
        const QByteArray bytes = csvText().toUtf8();
        if (file.write(bytes) != bytes.size())
            return fail(file.errorString());
        break;
    }
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

QString PlotPanel::csvText() const
{
    QString out;
    QTextStream s(&out);
    s << "series,x,y,z\n";
    const auto quoted = [](QString name) {
        name.replace(QLatin1Char('"'), QLatin1String("\"\""));
        return QLatin1Char('"') + name + QLatin1Char('"');
    };
    for (int i = 0; i < m_plot->plottableCount(); ++i) {
        QCPAbstractPlottable *p = m_plot->plottable(i);
        const QString name = quoted(p->name());
        if (auto *graph = qobject_cast<QCPGraph *>(p)) {
            for (const QCPGraphData &d : *graph->data())
                s << name << ',' << numberText(d.key) << ',' << numberText(d.value) << ",\n";
        } else if (auto *bars = qobject_cast<QCPBars *>(p)) {
            for (const QCPBarsData &d : *bars->data())
                s << name << ',' << numberText(d.key) << ',' << numberText(d.value) << ",\n";
        } else if (auto *map = qobject_cast<QCPColorMap *>(p)) {
            QCPColorMapData *data = map->data();
            for (int y = 0; y < data->valueSize(); ++y)
                for (int x = 0; x < data->keySize(); ++x) {
                    double key = 0, value = 0;
                    data->cellToCoord(x, y, &key, &value);
                    s << name << ',' << numberText(key) << ',' << numberText(value) << ','
                      << numberText(data->cell(x, y)) << '\n';
                }
        }
    }
    return out;
}

void PlotPanel::copyToClipboard()
{
    QApplication::clipboard()->setImage(m_plot->toPixmap(0, 0, 2.0).toImage());
}

void PlotPanel::resetView()
{
    m_plot->rescaleAxes(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotPanel::onMouseMove(QMouseEvent *event)
{
    const QPointF pos = event->position();
    QString best;
    double bestDistance = 12; // pixels
    for (int i = 0; i < m_plot->plottableCount(); ++i) {
        QCPAbstractPlottable *p = m_plot->plottable(i);
        if (!p->visible())
            continue;
        if (auto *map = qobject_cast<QCPColorMap *>(p)) {
            const double key = map->keyAxis()->pixelToCoord(pos.x());
            const double value = map->valueAxis()->pixelToCoord(pos.y());
            int cx = 0, cy = 0;
            map->data()->coordToCell(key, value, &cx, &cy);
            if (cx >= 0 && cy >= 0 && cx < map->data()->keySize() && cy < map->data()->valueSize()) {
                best = tr("%1 [row %2, column %3] = %4")
                           .arg(p->name())
                           .arg(cy)
                           .arg(cx)
                           .arg(plotValueText(map->data()->cell(cx, cy), m_valueFormat));
                bestDistance = 0;
            }
            continue;
        }
        QVariant details;
        const double d = p->selectTest(pos, false, &details);
        if (d < 0 || d >= bestDistance)
            continue;
        const QCPDataSelection sel = details.value<QCPDataSelection>();
        if (sel.isEmpty())
            continue;
        const int index = sel.dataRange().begin();
        auto *iface = p->interface1D();
        if (!iface || index < 0 || index >= iface->dataCount())
            continue;
        bestDistance = d;
        best = tr("%1: x = %2, y = %3")
                   .arg(p->name(), plotValueText(iface->dataMainKey(index), m_valueFormat),
                       plotValueText(iface->dataMainValue(index), m_valueFormat));
    }
    if (best.isEmpty()) // the mouse position is no data: 4 significant digits say where it is
        best = tr("x = %1, y = %2")
                   .arg(QString::number(m_plot->xAxis->pixelToCoord(pos.x()), 'g', 4),
                       QString::number(m_plot->yAxis->pixelToCoord(pos.y()), 'g', 4));
    if (best != m_readout->text()) {
        m_readout->setText(best);
        Q_EMIT readoutChanged(best);
    }
}

void PlotPanel::addRegion(double x0, double x1, const QColor &color, const QString &label)
{
    auto *rect = new QCPItemRect(m_plot);
    rect->setClipToAxisRect(true);
    rect->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
    rect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    rect->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
    rect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    rect->topLeft->setCoords(x0, 0);
    rect->bottomRight->setCoords(x1, 1);
    rect->setPen(Qt::NoPen);
    QColor fill = color;
    fill.setAlpha(45);
    rect->setBrush(fill);
    rect->setLayer(QStringLiteral("background"));
    m_annotations.append(rect);
    if (!label.isEmpty()) {
        auto *text = new QCPItemText(m_plot);
        text->setClipToAxisRect(true);
        double mid = 0.5 * (x0 + x1);
        if (m_plot->xAxis->scaleType() == QCPAxis::stLogarithmic && x0 > 0 && x1 > 0)
            mid = std::sqrt(x0 * x1);
        text->setText(label);
        text->setFont(annotationFont());
        placeLabel(text, mid, 0);
        QColor c = color.darker(160);
        text->setColor(c);
        text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
        m_annotations.append(text);
    }
}

QCPLayoutGrid *PlotPanel::setLegendBelow(int columns)
{
    QCPLegend *legend = m_plot->legend;
    if (m_plot->axisRect()->insetLayout()->take(legend))
        m_plot->axisRect()->insetLayout()->simplify();
    auto *row = new QCPLayoutGrid;
    const int r = m_plot->plotLayout()->rowCount();
    m_plot->plotLayout()->addElement(r, 0, row);
    m_plot->plotLayout()->setRowStretchFactor(r, 0.001);
    row->setMargins(QMargins(4, 0, 4, 2));
    row->addElement(0, 0, legend);
    m_legendColumns = std::max(1, columns);
    legend->setWrap(m_legendColumns);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true); // re-flows the entries already there
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setRowSpacing(0);
    legend->setMargins(QMargins(4, 0, 4, 0));
    legend->setColumnSpacing(12);
    return row;
}

void PlotPanel::changeEvent(QEvent *event)
{
    // The application font changes with the presentation zoom and high contrast: restyle.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        applyAppearance();
    QWidget::changeEvent(event);
}

void PlotPanel::applyAppearance()
{
    restylePlot(m_plot);
    scaleDrawing(m_plot, true);
    m_plot->setMinimumSize(zoomed(240), zoomed(m_minimumPlotHeight));
    fitLegendColumns();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool PlotPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::Resize)
        fitLegendColumns();
    return QWidget::eventFilter(watched, event);
}

void PlotPanel::fitLegendColumns()
{
    QCPLegend *legend = m_plot->legend;
    if (m_legendColumns <= 0 || legend->itemCount() == 0)
        return;
    // As many columns (up to the caller's number) as the widest entry allows in this width.
    int widest = 1;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (legend->item(i) && legend->item(i)->realVisibility())
            widest = std::max(widest, legend->item(i)->minimumOuterSizeHint().width());
    const int usable = m_plot->width() - legend->margins().left() - legend->margins().right() - 8;
    const int columns
        = std::clamp((usable + legend->columnSpacing()) / (widest + legend->columnSpacing()), 1, m_legendColumns);
    if (columns != legend->wrap()) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void PlotPanel::setMinimumPlotHeight(int height)
{
    m_minimumPlotHeight = height;
    m_plot->setMinimumHeight(zoomed(height));
}

void PlotPanel::addVerticalLine(double x, const QColor &color, const QString &label, Qt::Alignment side)
{
    auto *line = new QCPItemStraightLine(m_plot);
    line->point1->setCoords(x, 0);
    line->point2->setCoords(x, 1);
    line->setPen(QPen(color, 1.5, Qt::DashLine));
    m_annotations.append(line);
    if (!label.isEmpty()) {
        auto *text = new QCPItemText(m_plot);
        text->setClipToAxisRect(true);
        // Stagger the labels of successive lines a text line apart, under the regions' labels
        // (row 0), so that neighbours never overlap however short the plot is.
        const auto lines = std::count_if(m_annotations.begin(), m_annotations.end(),
            [](QCPAbstractItem *i) { return qobject_cast<QCPItemStraightLine *>(i) != nullptr; });
        text->setText(label);
        text->setFont(annotationFont());
        placeLabel(text, x, 1 + static_cast<int>((lines - 1) % 4));
        text->setColor(color.darker(130));
        text->setBrush(QColor(255, 255, 255, 200));
        text->setPositionAlignment((side & Qt::AlignRight ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
        m_annotations.append(text);
    }
}

void PlotPanel::clearAnnotations()
{
    for (QCPAbstractItem *item : std::as_const(m_annotations))
        m_plot->removeItem(item);
    m_annotations.clear();
    m_labelTop = nullptr;
}

QFont PlotPanel::annotationFont() const
{
    QFont f = m_plot->font();
    f.setPointSizeF(10 * zoom()); // made at the current zoom, like every item text (scaleDrawing)
    return f;
}

void PlotPanel::placeLabel(QCPItemText *text, double x, int row)
{
    // The rows are counted in pixels from the top of the axis rect (a hidden anchor there), not
    // as a fraction of its height: on a 768 px screen the rect is ~150 px tall and fractions
    // made neighbouring labels overlap.
    if (!m_labelTop) {
        m_labelTop = new QCPItemText(m_plot);
        m_labelTop->setVisible(false);
        m_labelTop->position->setType(QCPItemPosition::ptAxisRectRatio);
        m_labelTop->position->setCoords(0, 0);
        m_annotations.append(m_labelTop);
    }
    const QMargins padding(3, 1, 3, 1);
    const int rowHeight = QFontMetrics(text->font()).height() + padding.top() + padding.bottom() + 2;
    text->setPadding(padding);
    text->position->setTypeX(QCPItemPosition::ptPlotCoords);
    text->position->setParentAnchorY(m_labelTop->position);
    text->position->setTypeY(QCPItemPosition::ptAbsolute);
    text->position->setCoords(x, 3 + row * rowHeight);
}

} // namespace logitlab::ui
