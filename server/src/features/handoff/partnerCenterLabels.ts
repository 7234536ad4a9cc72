/**
 * How Partner Center names the choices and lead settings of a managed service offer, for the
 * hand-off sheet: a value of the offer (`https`, `private`) is shown as the option to pick.
 * Functions, not constants: each label follows the locale in force when it is asked for.
 */
import { t } from '@core/l10n';
import { formatHoursAndMinutes } from '@core/text/durations';

/** The lead destination as the Customer leads → Connect list names it. */
export function leadDestinationLabel(destination: string): string | undefined {
  switch (destination) {
    case 'email':
      return t('Email');
    case 'https':
      return t('HTTPS endpoint');
    case 'azureTable':
      return t('Azure Table');
    // Product names: the same in every language.
    case 'dynamics365':
      return 'Dynamics 365 Customer Engagement';
    case 'marketo':
      return 'Marketo';
    case 'salesforce':
      return 'Salesforce';
    default:
      return undefined;
  }
}

/** A setting of a lead destination, as its form labels it. */
export function leadSettingLabel(key: string): string | undefined {
  switch (key) {
    case 'httpsEndpointUrl':
      return t('HTTPS endpoint URL');
    case 'storageAccountConnectionString':
      return t('Storage account connection string');
    case 'dynamicsInstanceUrl':
      return t('Instance URL');
    case 'marketoServerId':
      return t('Server ID');
    case 'marketoMunchkinAccountId':
      return t('Munchkin account ID');
    case 'marketoFormId':
      return t('Form ID');
    case 'salesforceOrgId':
      return t('Org ID');
    default:
      return undefined;
  }
}

export function visibilityLabel(visibility: string): string | undefined {
  return visibility === 'private' ? t('Private') : visibility === 'public' ? t('Public') : undefined;
}

/** Partner Center names the logos by their size. */
export function logoLabel(size: string, width: number, height: number): string {
  switch (size) {
    case 'small':
      return t('Small logo ({0}×{1} PNG)', width, height);
    case 'medium':
      return t('Medium logo ({0}×{1} PNG)', width, height);
    case 'large':
      return t('Large logo ({0}×{1} PNG)', width, height);
    default:
      return t('Wide logo ({0}×{1} PNG)', width, height);
  }
}

/** `PT8H` → "8 hours", `PT1H30M` → "1 hour 30 minutes": the activation duration as a person reads it. */
export function durationLabel(duration: string): string | undefined {
  return formatHoursAndMinutes(duration);
}
