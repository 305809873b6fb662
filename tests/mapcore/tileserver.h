#pragma once

#include <QBuffer>
#include <QHash>
#include <QImage>
#include <QMutex>
#include <QPainter>
#include <QRegularExpression>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <atomic>

namespace testsupport {

/**
 * An XYZ tile service on 127.0.0.1 in a thread of its own: every /Z/X/Y.png is the same 256 px
 * tile, plain green or like a street map (天地图's vector layer: pale blocks between white roads);
 * it counts what it served.
 */
class TileServer : public QThread
{
public:
    enum class Look
    {
        Green,
        StreetMap,
    };

    explicit TileServer(Look look = Look::Green)
    {
        QImage tile(256, 256, QImage::Format_RGB32);
        if (look == Look::Green) {
            tile.fill(QColor(40, 180, 60));
        } else {
            tile.fill(QColor(242, 239, 233));
            QPainter painter(&tile);
            painter.setRenderHint(QPainter::Antialiasing);
            for (int at : {40, 170}) { // two roads each way, grey-edged
                painter.setPen(QPen(QColor(205, 200, 190), 12));
                painter.drawLine(at, 0, at, 256);
                painter.drawLine(0, at, 256, at);
                painter.setPen(QPen(Qt::white, 9));
                painter.drawLine(at, 0, at, 256);
                painter.drawLine(0, at, 256, at);
            }
            painter.fillRect(70, 70, 70, 70, QColor(200, 225, 190));   // a park
            painter.fillRect(200, 200, 40, 30, QColor(170, 205, 235)); // a pond
        }
        QBuffer buffer(&mTile);
        buffer.open(QIODevice::WriteOnly);
        tile.save(&buffer, "PNG");
        start();
        mListening.acquire(); // the port is known
    }
    ~TileServer() override
    {
        quit();
        wait();
    }
    quint16 port() const { return mPort; }
    int served() const { return mServed; }
    //! the URLs of the tiles it served
    QStringList servedUrls() const
    {
        QMutexLocker locker(&mMutex);
        return mServedUrls;
    }

protected:
    void run() override
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            qFatal("no port for the tile server");
        mPort = server.serverPort();
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
            while (QTcpSocket* socket = server.nextPendingConnection())
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { answer(socket); });
        });
        mListening.release();
        exec();
    }

private:
    void answer(QTcpSocket* socket)
    {
        mRequest[socket] += socket->readAll();
        const QByteArray request = mRequest[socket];
        if (!request.contains("\r\n\r\n"))
            return; // the rest of the request is still on its way
        mRequest.remove(socket);
        const bool isTile = QRegularExpression(QStringLiteral("^GET /\\d+/\\d+/\\d+\\.png"))
                                .match(QString::fromLatin1(request))
                                .hasMatch();
        if (isTile) {
            ++mServed;
            QMutexLocker locker(&mMutex);
            mServedUrls << QStringLiteral("http://127.0.0.1:%1%2")
                               .arg(mPort)
                               .arg(QString::fromLatin1(request.split(' ').value(1)));
        }
        const QByteArray body = isTile ? mTile : QByteArray("not found");
        socket->write((isTile ? QByteArray("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n")
                              : QByteArray("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n")) +
                      "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
                      body);
        socket->disconnectFromHost();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    QByteArray mTile;
    QSemaphore mListening;
    std::atomic<quint16> mPort{0};
    std::atomic<int> mServed{0};
    mutable QMutex mMutex;
    QStringList mServedUrls;
    QHash<QTcpSocket*, QByteArray> mRequest; //!< only touched in the server's thread
};

} // namespace testsupport
