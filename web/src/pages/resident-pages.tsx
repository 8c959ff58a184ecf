import { AnswerPage } from './answer-page.tsx';
import { ConfirmationPage } from './confirmation-page.tsx';
import { FeedbackPage } from './feedback-page.tsx';
import { HomePage } from './home-page.tsx';
import { MyDistrictFinder } from './my-district-finder.tsx';
import { MyDistrictView } from './my-district-view.tsx';
import { ReportFormPage } from './report-form-page.tsx';
import { ReportStatusPage } from './report-status-page.tsx';

/** The resident pages the route table (routes.ts) names; part of the main bundle. */
export const residentPages = {
  home: HomePage,
  reportForm: ReportFormPage,
  confirmation: ConfirmationPage,
  reportStatus: ReportStatusPage,
  myDistrictFinder: MyDistrictFinder,
  myDistrictView: MyDistrictView,
  feedback: FeedbackPage,
  answer: AnswerPage,
};
