#pragma once

#include <QImage>
#include <QList>
#include <QSize>

#include <qgscoordinatereferencesystem.h>
#include <qgsrectangle.h>

class QgsMapLayer;

namespace mapcore {

/** Renders layers to an image, labels included, waiting for the job to finish. */
QImage renderMapImage(const QList<QgsMapLayer*>& layers, const QgsRectangle& extent,
                      const QgsCoordinateReferenceSystem& crs, const QSize& size, double dpi = 96);

} // namespace mapcore
