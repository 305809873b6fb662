#pragma once

#include <QImage>
#include <QList>
#include <QSize>
#include <memory>

#include <qgscoordinatereferencesystem.h>
#include <qgsrectangle.h>

class QgsLabelingResults;
class QgsMapLayer;

namespace mapcore {

/**
 * Renders layers to an image, labels included, waiting for the job to finish; `labels`, when
 * given, receives where each label was placed.
 */
QImage renderMapImage(const QList<QgsMapLayer*>& layers, const QgsRectangle& extent,
                      const QgsCoordinateReferenceSystem& crs, const QSize& size, double dpi = 96,
                      std::unique_ptr<QgsLabelingResults>* labels = nullptr);

/**
 * Writes `image` to `path` as the file's suffix says (PNG, JPEG …), beside it first and renamed
 * into place when whole; throws gridmodel::Error(Io) naming why, the old file left as it was.
 */
void writeImage(const QImage& image, const QString& path);

} // namespace mapcore
