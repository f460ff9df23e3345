// Mensajes en español del área Setup. Typed from en, so a missing or extra key fails the typecheck.
import type { CatalogOf } from '../../i18n/translate';
import type { en } from './messages.en';

export const es: CatalogOf<typeof en> = {
  'setup.title': 'Configurar Holdfast',
  'setup.intro':
    'Cree la primera cuenta de administración y los primeros departamentos. Podrá añadir más adelante.',
  'setup.checking': 'Comprobando si hace falta la configuración…',
  'setup.done': 'Holdfast ya está configurado.',
  'setup.signInLink': 'Ir a iniciar sesión',
  'setup.noToken':
    'Esta página necesita el enlace de configuración que mostró el servidor al arrancar por primera vez. Abra ese enlace o cree la cuenta de administración en el servidor con: npm run user',
  'setup.notAvailable':
    'Este enlace de configuración ya se usó o ha caducado. Cree las cuentas en el servidor con: npm run user',
  'setup.adminHeading': 'Cuenta de administración',
  'setup.departmentsHeading': 'Primeros departamentos',
  'setup.departmentRow': 'Departamento {n}',
  'setup.addDepartment': 'Añadir departamento',
  'setup.removeDepartment': 'Quitar el departamento {n}',
  'setup.submit': 'Crear cuenta de administración',
  'setup.submitting': 'Creando…',
};
