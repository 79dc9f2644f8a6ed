import type { ThemeConfig } from 'antd';
import template from '../../../templates/summary-report.json';

/** The console uses the colours of the PDF template (templates/summary-report.json), so both look alike. */
export const COLOURS = template.colours;

export const THEME: ThemeConfig = {
  token: { colorPrimary: COLOURS.primary, colorLink: COLOURS.primary, borderRadius: 6, fontSize: 14, colorText: COLOURS.text },
  components: {
    Layout: { siderBg: '#0b2e20', triggerBg: '#082417', headerBg: '#ffffff' },
    Menu: { darkItemBg: '#0b2e20', darkSubMenuItemBg: '#082417', darkItemSelectedBg: COLOURS.primary, darkGroupTitleColor: '#9fbcae' },
  },
};
