#include "mapimage.h"

#include "outputfile.h"

#include <QFileInfo>
#include <qgslabelingresults.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsmapsettings.h>

namespace mapcore {

QImage renderMapImage(const QList<QgsMapLayer*>& layers, const QgsRectangle& extent,
                      const QgsCoordinateReferenceSystem& crs, const QSize& size, double dpi,
                      std::unique_ptr<QgsLabelingResults>* labels)
{
    QgsMapSettings settings;
    settings.setLayers(layers);
    settings.setDestinationCrs(crs);
    settings.setOutputSize(size);
    settings.setOutputDpi(dpi);
    settings.setBackgroundColor(Qt::white);
    settings.setFlag(Qgis::MapSettingsFlag::Antialiasing, true);
    settings.setFlag(Qgis::MapSettingsFlag::DrawLabeling, true);
    settings.setFlag(Qgis::MapSettingsFlag::UseRenderingOptimization,
                     true); // as the canvas: simplify to the pixel
    settings.setExtent(extent);
    QgsMapRendererSequentialJob job(settings);
    job.start();
    job.waitForFinished();
    if (labels)
        labels->reset(job.takeLabelingResults());
    return job.renderedImage();
}

void writeImage(const QImage& image, const QString& path)
{
    gridmodel::OutputFile output(path);
    QIODevice& file = output.device();
    if (!image.save(&file, QFileInfo(path).suffix().toLatin1().constData()))
        throw output.failure();
    output.commit();
}

} // namespace mapcore
