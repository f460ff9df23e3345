// The Checklists area's list page lives with the area's other screens (pages/checklists/).
export { ChecklistsPage } from './checklists/checklists-page';
