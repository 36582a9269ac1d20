// "Use my location": the browser's position (WGS-84, as partymap's API takes it).

import { t } from './i18n.js';

/** Resolves with [lon, lat]; rejects with a message for the person. */
export function myPosition() {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) {
      reject(new Error(t('locateUnsupported')));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve([p.coords.longitude, p.coords.latitude]),
      (e) => reject(new Error(t('locateFailed', e.message || e.code))),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  });
}
