#!/bin/sh
# Run in the install stage of the example's `app` image.
set -e
echo "configuring $(cat /srv/app/app.conf)"
mkdir -p /srv/app/run
