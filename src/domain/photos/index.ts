/** The photos area: photos of reports and observations, re-encoded upright without metadata, stored in the database. */
export { addReportPhotos, MAX_PHOTOS_PER_REPORT, REPORT_PHOTO_WINDOW_MS } from './add-report-photos.ts';
export { addObservationPhoto, MAX_PHOTOS_PER_OBSERVATION } from './add-observation-photo.ts';
export { listReportPhotos, listObservationPhotos } from './list-photos.ts';
export { getPhoto } from './get-photo.ts';
export { cleanImage, detectImageType, InvalidImage, type CleanImage, type PhotoContentType } from './image-format.ts';
export { reencodePhoto, MAX_PHOTO_EDGE, MAX_PHOTO_PIXELS } from './reencode-photo.ts';
export type { Photo, PhotoList, UploadedFile } from './schemas.ts';
export { setOfficerPhoto, officerPhotoUrl } from './set-officer-photo.ts';
