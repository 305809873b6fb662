#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace testsupport {

//! what a program run said and how it ended
struct RunResult
{
    int exitCode = -1; //!< -1 when it crashed or did not end
    QString out;
    QString err;
};

inline RunResult runProgram(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(300000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace testsupport
