// The Drills area's list page lives with the area's other screens (pages/drills/plan/).
export { ExercisesPage as DrillsPage } from './drills/plan/exercises-page';
