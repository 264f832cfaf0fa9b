import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountries, useGovernorateLabels, useGovernorates } from '../api/useBoundaries.ts';
import { GovernoratePanel } from '../components/GovernoratePanel.tsx';
import { Header } from '../components/Header.tsx';
import { StatusBanner } from '../components/StatusBanner.tsx';
import { findGovernorate } from '../data/governorateNames.ts';
import type { Language } from '../i18n/language.ts';
import { useDocumentLanguage } from '../i18n/useDocumentLanguage.ts';
import { MapView } from '../map/MapView.tsx';
import { useViewState } from '../url/useViewState.ts';
import type { Camera } from '../url/viewState.ts';

export function App() {
  const { t } = useTranslation();
  const [view, updateView] = useViewState();
  useDocumentLanguage(view.language);

  const countries = useCountries();
  const governorates = useGovernorates();
  const labels = useGovernorateLabels();
  const error = countries.error ?? governorates.error ?? labels.error;

  const selected = findGovernorate(governorates.data, view.governorate);

  const setLanguage = useCallback((language: Language) => updateView({ language }), [updateView]);
  const selectGovernorate = useCallback((governorate: string | null) => updateView({ governorate }), [updateView]);
  const setCamera = useCallback((camera: Camera) => updateView({ camera }), [updateView]);

  return (
    <div className="app">
      <Header language={view.language} onLanguageChange={setLanguage} />
      <main className="app-main">
        <MapView
          language={view.language}
          initialCamera={view.camera}
          data={{ countries: countries.data, governorates: governorates.data, labels: labels.data }}
          selectedGovernorate={view.governorate}
          onSelectGovernorate={selectGovernorate}
          onCameraChange={setCamera}
        />
        {selected !== null && (
          <GovernoratePanel
            governorate={selected}
            countries={countries.data}
            language={view.language}
            onClose={() => selectGovernorate(null)}
          />
        )}
        <StatusBanner error={error} />
        <p className="attribution">{t('map.attribution')}</p>
      </main>
    </div>
  );
}
